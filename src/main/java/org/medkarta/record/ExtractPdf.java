package org.medkarta.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.medkarta.shared.Pdfs;
import org.medkarta.shared.SignatureStamp;
import org.springframework.context.MessageSource;

/**
 * The extract as a PDF, laid out as a medical extract (SPEC E10; seed 001 «Выписки и заключения»):
 * the issuing clinic and the patient on the first page with the period and sections chosen and the
 * date of issue, the signature's stamp (or the note that the document is not signed), a contents
 * page with page numbers, then one section per kind of entry, each entry with its date, author and
 * clinic; laboratory results as tables (test, value, unit, reference range, flag), one per day and
 * author. Every page's footer numbers it. The same renderer and fonts as the protocols.
 *
 * <p>Rendered from one XHTML string built with a {@link StringBuilder}: no template engine walks
 * thousands of entries, and tables have a fixed layout, so a ten-year record renders in seconds.
 */
final class ExtractPdf {

    static final String TITLE = "Выписка из медицинской карты";
    static final String UNSIGNED = "Документ не подписан электронной подписью клиники";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The header of the extract. */
    record Header(
            String clinicName,
            String clinicAddress,
            String fullName,
            LocalDate birthDate,
            String sex,
            String snils,
            String oms,
            LocalDate from,
            LocalDate to,
            List<EntryType> sections,
            Instant issuedAt,
            ZoneId zone) {}

    private ExtractPdf() {}

    /**
     * Renders the extract.
     *
     * @param stamp null for an unsigned extract, which then says so on its first page
     * @param progress told 0-100 as the XHTML is built; rendering itself is one step
     */
    static byte[] render(
            Header header,
            Map<EntryType, List<ExtractSources.Item>> sections,
            SignatureStamp stamp,
            MessageSource messages,
            IntConsumer progress) {
        return Pdfs.render(xhtml(header, sections, stamp, messages, progress));
    }

    static String xhtml(
            Header header,
            Map<EntryType, List<ExtractSources.Item>> sections,
            SignatureStamp stamp,
            MessageSource messages,
            IntConsumer progress) {
        var text = new Texts(messages);
        var body = new StringBuilder(64 * 1024);
        // The first page: who issues, about whom, what was chosen, and the signature.
        body.append("<div class=\"clinic\">").append(e(header.clinicName() == null ? "Medkarta" : header.clinicName()));
        if (header.clinicAddress() != null) {
            body.append("<br/><span class=\"muted\">")
                    .append(e(header.clinicAddress()))
                    .append("</span>");
        }
        body.append("</div>");
        body.append("<h1>").append(e(TITLE)).append("</h1>");
        body.append("<table class=\"head\">");
        row(body, "Пациент", header.fullName());
        row(body, "Дата рождения", header.birthDate() == null ? "—" : DATE.format(header.birthDate()));
        if (header.sex() != null) {
            row(body, "Пол", "MALE".equals(header.sex()) ? "мужской" : "FEMALE".equals(header.sex()) ? "женский" : "—");
        }
        if (header.snils() != null) {
            row(body, "СНИЛС", snils(header.snils()));
        }
        if (header.oms() != null) {
            row(body, "Полис ОМС", header.oms());
        }
        row(body, "Период", period(header.from(), header.to()));
        row(
                body,
                "Разделы",
                String.join(", ", header.sections().stream().map(text::section).toList()));
        row(body, "Дата выдачи", DATE.format(header.issuedAt().atZone(header.zone())));
        body.append("</table>");
        if (stamp == null) {
            body.append("<div class=\"unsigned\">").append(e(UNSIGNED)).append("</div>");
        } else {
            body.append(stamp.xhtml("Документ подписан электронной подписью клиники", header.zone()));
        }
        // The contents: each section with its number of entries and its first page.
        body.append("<h2 class=\"contents\">").append(e("Содержание")).append("</h2>");
        body.append("<table class=\"toc\">");
        int total = 0;
        for (var section : sections.entrySet()) {
            total += section.getValue().size();
            body.append("<tr><td>")
                    .append(e(text.section(section.getKey())))
                    .append("</td><td class=\"count\">")
                    .append(section.getValue().size())
                    .append(e(" " + records(section.getValue().size())))
                    .append("</td><td class=\"page\"><a class=\"pn\" href=\"#s-")
                    .append(section.getKey().name())
                    .append("\"></a></td></tr>");
        }
        body.append("</table>");
        int done = 0;
        for (var section : sections.entrySet()) {
            body.append("<div class=\"section\" id=\"s-")
                    .append(section.getKey().name())
                    .append("\"><h2>")
                    .append(e(text.section(section.getKey())))
                    .append("</h2>");
            if (section.getValue().isEmpty()) {
                body.append("<p class=\"muted\">")
                        .append(e("За выбранный период записей нет."))
                        .append("</p>");
            } else if (section.getKey() == EntryType.LAB_RESULT) {
                labs(body, section.getValue());
            } else {
                for (var item : section.getValue()) {
                    entry(body, item, text);
                }
            }
            body.append("</div>");
            done += section.getValue().size();
            progress.accept(total == 0 ? 100 : done * 100 / total);
        }
        // A CSS string in the page's margin: no quote or backslash of a name may end it early.
        String footer = e(TITLE + " · " + header.fullName().replaceAll("[\"\\\\]", "") + " · стр. ");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
                <title>%1$s</title>
                <bookmarks>%5$s</bookmarks>
                <style>
                  @page { size: A4; margin: 18mm 16mm 20mm 18mm;
                    @bottom-center { content: "%4$s" counter(page) " из " counter(pages);
                      font-family: '%2$s'; font-size: 8pt; color: #555555; } }
                  body { font-family: '%2$s'; font-size: 10pt; line-height: 1.35; }
                  h1 { font-size: 16pt; font-weight: bold; margin: 3mm 0 3mm 0; }
                  h2 { font-size: 13pt; font-weight: bold; margin: 0 0 3mm 0; border-bottom: 0.3mm solid #1f3a93; }
                  h2.contents { margin-top: 8mm; }
                  h3 { font-size: 10.5pt; font-weight: bold; margin: 3mm 0 0.5mm 0; }
                  .clinic { font-weight: bold; font-size: 11pt; }
                  .muted, .meta { color: #555555; }
                  .meta { font-size: 8.5pt; margin-bottom: 1mm; }
                  .section { page-break-before: always; }
                  table { border-collapse: collapse; }
                  table.head td { padding: 0.8mm 4mm 0.8mm 0; vertical-align: top; }
                  td.label { color: #555555; }
                  table.toc { width: 100%%; }
                  table.toc td { padding: 1mm 2mm 1mm 0; border-bottom: 0.2mm dotted #999999; }
                  table.toc td.count, table.toc td.page { text-align: right; white-space: nowrap; }
                  a.pn { color: #000000; text-decoration: none; }
                  a.pn::after { content: target-counter(attr(href), page); }
                  p { margin: 0 0 1mm 0; }
                  .field { margin: 0 0 1mm 0; }
                  .field b { font-weight: bold; }
                  .entry { page-break-inside: avoid; margin-bottom: 2mm; }
                  table.lab { width: 100%%; table-layout: fixed; margin: 0 0 3mm 0; font-size: 9pt; }
                  table.lab th { text-align: left; background: #eef1f8; padding: 0.8mm 1.5mm; font-weight: bold; }
                  table.lab td { padding: 0.6mm 1.5mm; border-bottom: 0.2mm solid #dddddd; }
                  table.lab tr { page-break-inside: avoid; }
                  td.flag { font-weight: bold; color: #b00020; }
                  .unsigned { margin-top: 6mm; padding: 2mm; border: 0.4mm dashed #b00020; color: #b00020; }
                  .stamp { margin-top: 6mm; border: 0.6mm solid #1f3a93; padding: 2mm; width: 100%%; }
                  .stamp td { vertical-align: middle; }
                  .stamp .title { font-weight: bold; color: #1f3a93; }
                  .stamp img { width: 30mm; height: 30mm; }
                </style></head>
                <body>%3$s</body></html>
                """.formatted(e(TITLE), Pdfs.FAMILY, body, footer, bookmarks(sections, text));
    }

    private static String bookmarks(Map<EntryType, List<ExtractSources.Item>> sections, Texts text) {
        var marks = new StringBuilder();
        sections.keySet()
                .forEach(type -> marks.append("<bookmark name=\"")
                        .append(e(text.section(type)))
                        .append("\" href=\"#s-")
                        .append(type.name())
                        .append("\"/>"));
        return marks.toString();
    }

    /** One entry: its date and title, who wrote it where, then its fields in the form's order. */
    private static void entry(StringBuilder body, ExtractSources.Item item, Texts text) {
        body.append("<div class=\"entry\"><h3>")
                .append(DATE.format(item.date()))
                .append(" — ")
                .append(e(item.title()))
                .append("</h3>");
        meta(body, item.author(), item.clinic());
        var ordered = new LinkedHashMap<String, String>();
        item.type().fields().forEach(spec -> {
            String value = item.fields().get(spec.name());
            if (value != null
                    && !value.isBlank()
                    && !spec.name().equals(item.type().dateField())) {
                ordered.put(spec.name(), value);
            }
        });
        ordered.forEach((name, value) -> {
            body.append("<div class=\"field\"><b>").append(e(text.field(name))).append(":</b> ");
            String shown = text.choice(value);
            String[] lines = shown.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    body.append("<br/>");
                }
                body.append(e(lines[i]));
            }
            body.append("</div>");
        });
        body.append("</div>");
    }

    /** Laboratory results: a table per day, author and clinic, as a laboratory reports them. */
    private static void labs(StringBuilder body, List<ExtractSources.Item> items) {
        var groups = new ArrayList<List<ExtractSources.Item>>();
        List<ExtractSources.Item> current = null;
        for (var item : items) {
            if (current == null
                    || !current.get(0).date().equals(item.date())
                    || !Objects.equals(current.get(0).author(), item.author())
                    || !Objects.equals(current.get(0).clinic(), item.clinic())) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(item);
        }
        for (var group : groups) {
            var first = group.get(0);
            body.append("<h3>").append(DATE.format(first.date())).append("</h3>");
            meta(body, first.author(), first.clinic());
            body.append("<table class=\"lab\"><colgroup><col style=\"width: 40%\"/><col style=\"width: 15%\"/>"
                    + "<col style=\"width: 15%\"/><col style=\"width: 22%\"/><col style=\"width: 8%\"/></colgroup>");
            body.append("<tr><th>Исследование</th><th>Значение</th><th>Единицы</th><th>Референсный интервал</th>"
                    + "<th>Флаг</th></tr>");
            for (var item : group) {
                body.append("<tr><td>")
                        .append(e(item.title()))
                        .append("</td><td>")
                        .append(number(item.value()))
                        .append("</td><td>")
                        .append(e(item.unit()))
                        .append("</td><td>")
                        .append(range(item.referenceLow(), item.referenceHigh()))
                        .append("</td><td class=\"flag\">")
                        .append(e(item.flag()))
                        .append("</td></tr>");
            }
            body.append("</table>");
        }
    }

    private static void meta(StringBuilder body, String author, String clinic) {
        body.append("<div class=\"meta\">");
        body.append(e("Автор: " + (author == null ? "—" : author)));
        if (clinic != null) {
            body.append(e(" · Клиника: " + clinic));
        }
        body.append("</div>");
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<tr><td class=\"label\">")
                .append(e(label))
                .append("</td><td>")
                .append(e(value))
                .append("</td></tr>");
    }

    static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "за всё время";
        }
        if (from == null) {
            return "по " + DATE.format(to);
        }
        if (to == null) {
            return "с " + DATE.format(from);
        }
        return "с " + DATE.format(from) + " по " + DATE.format(to);
    }

    private static String snils(String digits) {
        return digits.length() == 11
                ? digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                        + digits.substring(9)
                : digits;
    }

    private static String records(int count) {
        int tens = count % 100;
        int ones = count % 10;
        if (tens >= 11 && tens <= 14) {
            return "записей";
        }
        return ones == 1 ? "запись" : ones >= 2 && ones <= 4 ? "записи" : "записей";
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String range(BigDecimal low, BigDecimal high) {
        if (low == null && high == null) {
            return "";
        }
        if (low == null) {
            return "≤ " + number(high);
        }
        if (high == null) {
            return "≥ " + number(low);
        }
        return number(low) + " – " + number(high);
    }

    static String e(String text) {
        return Pdfs.escape(text);
    }

    /** Labels in the document's language, Russian, from the record's messages. */
    private record Texts(MessageSource messages) {
        String section(EntryType type) {
            return messages.getMessage("record.extract.section." + type.name(), null, type.name(), RUSSIAN);
        }

        String field(String name) {
            return messages.getMessage("record.field." + name, null, name, RUSSIAN);
        }

        String choice(String value) {
            return value.length() > 40 || !value.matches("[A-Z_]+")
                    ? value
                    : messages.getMessage("record.choice." + value, null, value, RUSSIAN);
        }
    }
}
