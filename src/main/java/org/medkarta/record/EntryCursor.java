package org.medkarta.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.medkarta.shared.InvalidInput;

/**
 * Where a page of the record list ends: the last entry's date, filing time and id, in the list's
 * order (newest first). Opaque to clients: the {@code next} of one page is the {@code after} of the
 * next, and an entry filed meanwhile neither repeats nor shifts what follows.
 */
public record EntryCursor(LocalDate date, Instant createdAt, UUID id) {

    /** The text a client sends back as {@code after}. */
    public String encode() {
        String plain = date + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor a client sent back.
     *
     * @throws InvalidInput on {@code after} for anything this class did not write
     */
    public static EntryCursor parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            return new EntryCursor(LocalDate.parse(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException malformed) {
            throw new InvalidInput("after", "record.validation.cursor");
        }
    }
}
