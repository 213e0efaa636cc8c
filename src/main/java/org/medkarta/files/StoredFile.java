package org.medkarta.files;

import java.time.Instant;
import org.medkarta.shared.UserId;

/**
 * What is known about a stored file.
 *
 * @param name the name it was uploaded under, without any directory part
 * @param mediaType the type detected from its content
 * @param size its length in bytes
 * @param sha256 its content address in the {@link FileStore}
 * @param owner who uploaded it
 */
public record StoredFile(
        FileId id,
        String name,
        String mediaType,
        long size,
        String sha256,
        FilePurpose purpose,
        UserId owner,
        Instant createdAt) {}
