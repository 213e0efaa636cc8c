package org.medkarta.files;

import java.util.Map;

/** The media types the upload rules know, and the extensions people know them by. */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String DOC = "application/msword";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String TEXT = "text/plain";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PKCS7_SIGNATURE = "application/pkcs7-signature";

    private static final Map<String, String> EXTENSIONS = Map.of(
            PDF,
            "PDF",
            DOC,
            "DOC",
            DOCX,
            "DOCX",
            XLS,
            "XLS",
            XLSX,
            "XLSX",
            TEXT,
            "TXT",
            JPEG,
            "JPG",
            PNG,
            "PNG",
            PKCS7_SIGNATURE,
            "SIG");

    private MediaTypes() {}

    static String extension(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType, mediaType);
    }
}
