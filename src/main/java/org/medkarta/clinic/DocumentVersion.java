package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;

/**
 * One published version of a clinic's offer or consent; versions are numbered from 1 and never
 * change. {@code text} is the formatted text as written, with its placeholders.
 */
public record DocumentVersion(ClinicId clinicId, DocumentKind kind, int version, String text, Instant publishedAt) {}
