package org.medkarta.clinic;

import org.medkarta.shared.Pdfs;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an offer or consent as a PDF with Cyrillic text. The fonts come from the Liberation
 * family packed in {@code openpdf-fonts-extra} on the class path, so the result is the same on
 * every machine whatever fonts its operating system has.
 */
final class DocumentPdf {

    private DocumentPdf() {}

    static byte[] render(String title, String subtitle, String bodyXhtml) {
        String page = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
                <title>%1$s</title>
                <style>
                  @page { size: A4; margin: 20mm 18mm; }
                  body { font-family: '%4$s'; font-size: 11pt; line-height: 1.4; }
                  h1 { font-size: 16pt; font-weight: bold; margin: 0 0 4mm 0; }
                  h2 { font-size: 13pt; font-weight: bold; }
                  h3 { font-size: 11.5pt; font-weight: bold; }
                  .subtitle { color: #555555; font-size: 9.5pt; margin-bottom: 6mm; }
                </style></head>
                <body><h1>%1$s</h1><div class="subtitle">%2$s</div>%3$s</body></html>
                """.formatted(
                        HtmlUtils.htmlEscapeDecimal(title, "UTF-8"),
                        HtmlUtils.htmlEscapeDecimal(subtitle, "UTF-8"),
                        bodyXhtml,
                        Pdfs.FAMILY);
        return Pdfs.render(page);
    }
}
