package org.medkarta.scheduling;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.Pdfs;

/**
 * The appointment slip as a one-page PDF through the project's {@link Pdfs} (the Liberation fonts,
 * so Cyrillic renders the same on every machine).
 */
final class SlipPdf {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, EEEE", Locale.forLanguageTag("ru"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SlipPdf() {}

    static byte[] render(AppointmentSlip slip) {
        var body = new StringBuilder();
        body.append("<h1>").append(e("Талон на приём № " + slip.number())).append("</h1>");
        body.append("<div class=\"subtitle\">")
                .append(e(slip.clinicName()))
                .append(slip.clinicAddress().isBlank() ? "" : ", " + e(slip.clinicAddress()))
                .append("</div>");
        body.append("<table>");
        row(body, "Дата", DATE.format(slip.start()));
        row(
                body,
                "Время",
                TIME.format(slip.start()) + "–" + TIME.format(slip.end()) + " ("
                        + slip.start().getZone().getId() + ")");
        row(body, "Врач", slip.doctorName());
        row(body, "Специальность", slip.specialtyRu());
        row(body, "Услуга", slip.serviceName());
        if (slip.format() != null) {
            row(body, "Формат", format(slip.format()));
        }
        row(body, "Клиника", slip.clinicName());
        if (!slip.clinicAddress().isBlank()) {
            row(body, "Адрес", slip.clinicAddress());
        }
        if (slip.clinicPhone() != null && !slip.clinicPhone().isBlank()) {
            row(body, "Телефон", slip.clinicPhone());
        }
        row(body, "Пациент", slip.patientName());
        row(body, "Номер записи", slip.number());
        body.append("</table>");
        body.append("<h2>").append(e("Что взять с собой")).append("</h2><ul>");
        item(body, "Паспорт (для ребёнка — свидетельство о рождении)");
        item(body, "Полис ОМС");
        if (slip.referralRequired()) {
            item(body, "Направление");
        }
        body.append("</ul>");
        body.append("<p class=\"note\">")
                .append(e("Приходите заранее. Отменить или перенести запись можно в личном кабинете."))
                .append("</p>");
        String page = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
                <title>%1$s</title>
                <style>
                  @page { size: A5; margin: 12mm; }
                  body { font-family: '%2$s'; font-size: 11pt; line-height: 1.4; }
                  h1 { font-size: 15pt; font-weight: bold; margin: 0 0 2mm 0; }
                  h2 { font-size: 12pt; font-weight: bold; margin: 5mm 0 1mm 0; }
                  .subtitle { color: #555555; font-size: 9.5pt; margin-bottom: 4mm; }
                  td { padding: 1mm 4mm 1mm 0; vertical-align: top; }
                  td.label { color: #555555; }
                  .note { color: #555555; font-size: 9.5pt; margin-top: 4mm; }
                </style></head>
                <body>%3$s</body></html>
                """.formatted(e("Талон на приём"), Pdfs.FAMILY, body);
        return Pdfs.render(page);
    }

    private static String format(ServiceFormat format) {
        return switch (format) {
            case VIDEO -> "Видеоконсультация на платформе";
            case AUDIO -> "Аудиоконсультация на платформе";
            case CHAT -> "Консультация в чате на платформе";
            case IN_PERSON -> "Очный приём в клинике";
        };
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<tr><td class=\"label\">")
                .append(e(label))
                .append("</td><td>")
                .append(e(value))
                .append("</td></tr>");
    }

    private static void item(StringBuilder body, String text) {
        body.append("<li>").append(e(text)).append("</li>");
    }

    private static String e(String text) {
        return Pdfs.escape(text);
    }
}
