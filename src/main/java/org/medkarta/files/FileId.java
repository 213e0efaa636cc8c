package org.medkarta.files;

import java.util.UUID;
import org.medkarta.shared.TypedId;

/** Identifies a stored file; the modules that attach files keep this id. */
public record FileId(UUID value) implements TypedId {

    public static FileId of(String text) {
        return new FileId(TypedId.parse(text, "fileId"));
    }

    public static FileId random() {
        return new FileId(UUID.randomUUID());
    }
}
