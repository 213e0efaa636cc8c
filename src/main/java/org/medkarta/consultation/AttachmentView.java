package org.medkarta.consultation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A file of a consultation, kept in the files module's store.
 *
 * @param purpose {@code REQUEST} for what the request's side attached (results of examinations,
 *     seed 004), {@code PROTOCOL} for the protocol's files
 */
public record AttachmentView(
        UUID fileId, String purpose, String name, String mediaType, long size, UserId addedBy, Instant addedAt) {}
