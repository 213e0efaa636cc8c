package org.medkarta.shared;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders an XHTML page as a PDF with Cyrillic text. The fonts come from the Liberation family
 * packed in {@code openpdf-fonts-extra} on the class path, so the result is the same on every
 * machine whatever fonts its operating system has. Pages name the family {@link #FAMILY} in their
 * style; regular (400) and bold (700) weights are embedded.
 */
public final class Pdfs {

    /** The font family a page's style must name. */
    public static final String FAMILY = "Liberation Sans";

    private Pdfs() {}

    /** The PDF of a well-formed XHTML page. */
    public static byte[] render(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useFont(
                            () -> font("LiberationSans-Regular.ttf"),
                            FAMILY,
                            400,
                            PdfRendererBuilder.FontStyle.NORMAL,
                            true)
                    .useFont(
                            () -> font("LiberationSans-Bold.ttf"),
                            FAMILY,
                            700,
                            PdfRendererBuilder.FontStyle.NORMAL,
                            true)
                    .withHtmlContent(xhtml, null)
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text escaped for XHTML, and without the control characters XML cannot hold (a pasted protocol
     * may carry them), so no text can break the page.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((c >= 0x20 || c == '\n' || c == '\r' || c == '\t') && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static InputStream font(String file) {
        InputStream stream = Pdfs.class.getResourceAsStream("/liberation/" + file);
        if (stream == null) {
            throw new IllegalStateException("Font " + file + " is missing: is openpdf-fonts-extra on the class path?");
        }
        return stream;
    }
}
