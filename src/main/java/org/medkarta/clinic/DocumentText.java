package org.medkarta.clinic;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The formatted text of an offer or consent, as an administrator writes it: {@code # Heading},
 * {@code ## Subheading}, {@code - list item}, {@code **bold**}, paragraphs separated by an empty
 * line, and the placeholders {@code {{clinic}}}, {@code {{patient}}} and {@code {{date}}}. It is
 * turned into well-formed XHTML (pages and the PDF use the same), with every character of the text
 * escaped, so nothing an administrator types can run in a patient's browser.
 */
final class DocumentText {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(clinic|patient|date)\\s*}}");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private DocumentText() {}

    /** XHTML for the text, with the placeholders filled from {@code values} (left as blanks when missing). */
    static String toXhtml(String text, Map<String, String> values) {
        var html = new StringBuilder();
        var paragraph = new StringBuilder();
        boolean inList = false;
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            boolean item = line.startsWith("- ");
            boolean heading = line.startsWith("# ") || line.startsWith("## ");
            if (line.isEmpty() || item || heading) {
                flush(html, paragraph);
            }
            if (inList && !item) {
                html.append("</ul>\n");
                inList = false;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("## ")) {
                html.append("<h3>").append(inline(line.substring(3), values)).append("</h3>\n");
            } else if (line.startsWith("# ")) {
                html.append("<h2>").append(inline(line.substring(2), values)).append("</h2>\n");
            } else if (item) {
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li>").append(inline(line.substring(2), values)).append("</li>\n");
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append("<br/>");
                }
                paragraph.append(inline(line, values));
            }
        }
        flush(html, paragraph);
        if (inList) {
            html.append("</ul>\n");
        }
        return html.toString();
    }

    private static void flush(StringBuilder html, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(paragraph).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String inline(String line, Map<String, String> values) {
        String escaped = HtmlUtils.htmlEscapeDecimal(line, "UTF-8");
        escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        Matcher placeholder = PLACEHOLDER.matcher(escaped);
        var filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            String shown = value == null || value.isBlank() ? "________________" : value;
            placeholder.appendReplacement(
                    filled, Matcher.quoteReplacement(HtmlUtils.htmlEscapeDecimal(shown, "UTF-8")));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
