package org.medkarta.consultation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.medkarta.shared.Pdfs;
import org.medkarta.shared.SignatureStamp;

/**
 * The protocol as a PDF (SPEC D8): clinic, doctor, patient, date, content, diagnoses with codes and
 * addenda, in Russian. The fonts come from the Liberation family in {@code openpdf-fonts-extra} on
 * the class path, so Cyrillic renders the same on every machine whatever fonts it has.
 */
final class ProtocolPdf {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ProtocolPdf() {}

    static byte[] render(
            ConsultationView consultation,
            ProtocolView protocol,
            String clinicName,
            String clinicAddress,
            ZoneId zone) {
        return render(consultation, protocol, clinicName, clinicAddress, zone, null);
    }

    /**
     * The protocol as it is signed: with the stamp of the signature and the QR code of its
     * verification page, and without addenda (they are written after signing, as separate text).
     *
     * @param stamp null for an unsigned protocol
     */
    static byte[] render(
            ConsultationView consultation,
            ProtocolView protocol,
            String clinicName,
            String clinicAddress,
            ZoneId zone,
            SignatureStamp stamp) {
        var body = new StringBuilder();
        body.append("<h1>").append(e("Протокол телемедицинской консультации")).append("</h1>");
        body.append("<div class=\"subtitle\">")
                .append(e(clinicName))
                .append(clinicAddress == null ? "" : ", " + e(clinicAddress))
                .append("</div>");
        body.append("<table>");
        row(body, "Дата консультации", at(consultation.start(), zone));
        row(body, stamp == null ? "Протокол отправлен" : "Протокол составлен", at(protocol.sentAt(), zone));
        row(body, "Консультация", consultation.serviceName() + " (" + channel(consultation.channel()) + ")");
        row(body, consultation.doctorToDoctor() ? "Врач-консультант" : "Врач", consultation.doctorName());
        if (consultation.referringName() != null) {
            row(body, "Направивший врач", consultation.referringName());
        }
        row(body, "Пациент", consultation.patientName());
        body.append("</table>");
        if (consultation.question() != null) {
            section(body, "Основной вопрос", consultation.question());
        }
        section(body, "Анамнез", protocol.anamnesis());
        section(body, "Рекомендации", protocol.recommendations());
        section(body, "Дополнительные рекомендации", protocol.additionalRecommendations());
        body.append("<h2>").append(e("Диагнозы (МКБ-10)")).append("</h2>");
        if (protocol.diagnoses().isEmpty()) {
            body.append("<p>").append(e("Не устанавливались.")).append("</p>");
        } else {
            body.append("<ul>");
            protocol.diagnoses()
                    .forEach(d -> body.append("<li><b>")
                            .append(e(d.code()))
                            .append("</b> ")
                            .append(e(d.name()))
                            .append("</li>"));
            body.append("</ul>");
        }
        if (stamp == null) {
            for (var addendum : protocol.addenda()) {
                section(body, "Дополнение от " + at(addendum.writtenAt(), zone), addendum.text());
            }
        } else {
            body.append(stamp.xhtml("Документ подписан электронной подписью", zone));
        }
        String page = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
                <title>%1$s</title>
                <style>
                  @page { size: A4; margin: 20mm 18mm; }
                  body { font-family: '%2$s'; font-size: 11pt; line-height: 1.4; }
                  h1 { font-size: 16pt; font-weight: bold; margin: 0 0 2mm 0; }
                  h2 { font-size: 12pt; font-weight: bold; margin: 5mm 0 1mm 0; }
                  .subtitle { color: #555555; font-size: 9.5pt; margin-bottom: 5mm; }
                  td { padding: 1mm 4mm 1mm 0; vertical-align: top; }
                  td.label { color: #555555; }
                  p { margin: 0 0 2mm 0; }
                  .stamp { margin-top: 8mm; border: 0.6mm solid #1f3a93; padding: 2mm; width: 100%%; }
                  .stamp td { vertical-align: middle; }
                  .stamp .title { font-weight: bold; color: #1f3a93; }
                  .stamp img { width: 30mm; height: 30mm; }
                </style></head>
                <body>%3$s</body></html>
                """.formatted(e("Протокол консультации"), Pdfs.FAMILY, body);
        return Pdfs.render(page);
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<tr><td class=\"label\">")
                .append(e(label))
                .append("</td><td>")
                .append(e(value))
                .append("</td></tr>");
    }

    private static void section(StringBuilder body, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        body.append("<h2>").append(e(title)).append("</h2>");
        for (String paragraph : text.split("\\R")) {
            body.append("<p>").append(e(paragraph)).append("</p>");
        }
    }

    private static String channel(Channel channel) {
        return switch (channel) {
            case VIDEO -> "видеосвязь";
            case AUDIO -> "аудиосвязь";
            case CHAT -> "чат";
        };
    }

    private static String at(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String e(String text) {
        return Pdfs.escape(text);
    }
}
