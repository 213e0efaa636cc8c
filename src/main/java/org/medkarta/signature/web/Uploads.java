package org.medkarta.signature.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.medkarta.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/** Reads uploaded parts; a missing or empty one is a refusal naming its field. */
final class Uploads {

    /** Certificates, CRLs and keystores are small; a larger part is not one. */
    static final long MAX_BYTES = 1024 * 1024;

    private Uploads() {}

    static byte[] bytes(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(field, "validation.required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInput(field, "signature.validation.too-big", 1);
        }
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static char[] password(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
