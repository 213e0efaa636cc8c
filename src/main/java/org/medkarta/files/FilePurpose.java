package org.medkarta.files;

import java.util.Set;

/**
 * What a file is uploaded for, which fixes the types it may have. The types are told from the
 * content, never from the name or the type the browser declares.
 */
public enum FilePurpose {
    /** A file sent in a consultation chat (SPEC D4): PDF, DOC/DOCX, XLS/XLSX, TXT, JPG, PNG. */
    CHAT(
            MediaTypes.PDF,
            MediaTypes.DOC,
            MediaTypes.DOCX,
            MediaTypes.XLS,
            MediaTypes.XLSX,
            MediaTypes.TEXT,
            MediaTypes.JPEG,
            MediaTypes.PNG),
    /** A file attached to a consultation protocol (SPEC D7): PDF, DOC/DOCX, XLS/XLSX. */
    PROTOCOL(MediaTypes.PDF, MediaTypes.DOC, MediaTypes.DOCX, MediaTypes.XLS, MediaTypes.XLSX),
    /** A document a patient uploads to their record (SPEC E): JPG, PNG, PDF. */
    PATIENT_UPLOAD(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.PDF),
    /**
     * A scan sent with a record-access request (SPEC E0): the identity document, the policy, the
     * SNILS card as JPG, PNG or PDF.
     */
    IDENTITY_SCAN(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.PDF),
    /** A signed document Medkarta issues (issue 16): the PDF. */
    SIGNED_DOCUMENT(MediaTypes.PDF),
    /** A detached CMS signature (DER) of a signed document (issue 16). */
    SIGNATURE(MediaTypes.PKCS7_SIGNATURE);

    private final Set<String> mediaTypes;

    FilePurpose(String... mediaTypes) {
        this.mediaTypes = Set.of(mediaTypes);
    }

    /** The media types a file for this purpose may have. */
    public Set<String> mediaTypes() {
        return mediaTypes;
    }

    public boolean allows(String mediaType) {
        return mediaTypes.contains(mediaType);
    }

    /** The usual extensions of the allowed types, for the message that lists them. */
    public String extensions() {
        return String.join(
                ", ",
                mediaTypes.stream()
                        .map(MediaTypes::extension)
                        .sorted()
                        .distinct()
                        .toList());
    }
}
