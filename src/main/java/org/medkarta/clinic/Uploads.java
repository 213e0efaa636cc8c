package org.medkarta.clinic;

import java.util.Set;
import org.apache.tika.Tika;
import org.medkarta.shared.InvalidInput;

/** Checks uploaded pictures by what they contain, never by their name or declared type. */
final class Uploads {

    static final int MAX_PICTURE_BYTES = 1024 * 1024;

    private static final Set<String> PICTURE_TYPES = Set.of("image/png", "image/jpeg");
    private static final Tika TIKA = new Tika();

    private Uploads() {}

    /**
     * A PNG or JPEG of at most 1 MB.
     *
     * @throws InvalidInput naming {@code field} when it is empty, too big or of another type
     */
    static Picture picture(byte[] content, String field) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(field, "validation.required");
        }
        if (content.length > MAX_PICTURE_BYTES) {
            throw new InvalidInput(field, "clinic.validation.picture-size");
        }
        String type = TIKA.detect(content);
        if (!PICTURE_TYPES.contains(type)) {
            throw new InvalidInput(field, "clinic.validation.picture-type");
        }
        return new Picture(type, content);
    }
}
