package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.SignatureStamp;
import org.medkarta.shared.UserId;

class ProtocolStampTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");
    static final String URL =
            "https://medkarta.example/signatures/verify?document=" + UUID.randomUUID() + "&token=Zq3xYh7pK0aW";

    static final SignatureStamp STAMP = new SignatureStamp(
            "Врачев Иван Сергеевич",
            "4F1A2B3C4D5E6F708192A3B4",
            Instant.parse("2026-01-10T00:00:00Z"),
            Instant.parse("2027-01-10T00:00:00Z"),
            URL);

    static ConsultationView consultation() {
        return new ConsultationView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ServiceKind.PRIMARY,
                Channel.VIDEO,
                ConsultationState.IN_WORK,
                new PatientId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                "Подписанов Пётр Ильич",
                new DoctorId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                "Врачев Иван Сергеевич",
                new ClinicId(UUID.randomUUID()),
                "Телеконсультация",
                null,
                null,
                null,
                AT,
                AT.plusSeconds(1800),
                LocalDate.of(2026, 12, 5),
                MOSCOW,
                null,
                null,
                "Головная боль",
                AT,
                AT,
                null);
    }

    static ProtocolView protocol(List<ProtocolView.Addendum> addenda) {
        return new ProtocolView(
                UUID.randomUUID(),
                "Головная боль третий день",
                "Контроль давления",
                null,
                List.of(),
                AT,
                new UserId(UUID.randomUUID()),
                addenda);
    }

    @Test
    void theQrCodeCarriesTheVerificationAddress() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(STAMP.qrPng()));
        assertThat(decode(image)).isEqualTo(URL);
    }

    @Test
    void theSignedPdfShowsTheStampWithOwnerSerialAndValidityAndItsQrCodeButNoAddenda() throws Exception {
        var addendum =
                new ProtocolView.Addendum(UUID.randomUUID(), "Дописано позже", AT, new UserId(UUID.randomUUID()));
        byte[] pdf = ProtocolPdf.render(
                consultation(), protocol(List.of(addendum)), "Клиника «Здоровье»", "Москва", MOSCOW, STAMP);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Документ подписан электронной подписью")
                    .contains("Владелец: Врачев Иван Сергеевич")
                    .contains("Сертификат: 4F1A2B3C4D5E6F708192A3B4")
                    .contains("Действителен: с 10.01.2026 по 10.01.2027")
                    .contains("Протокол составлен")
                    .doesNotContain("Дописано позже");
            var codes = new java.util.ArrayList<String>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject picture) {
                        codes.add(decode(picture.getImage()));
                    }
                }
            }
            assertThat(codes).containsExactly(URL);
        }
    }

    @Test
    void anUnsignedPdfHasNoStampAndKeepsItsAddenda() throws Exception {
        var addendum =
                new ProtocolView.Addendum(UUID.randomUUID(), "Дописано позже", AT, new UserId(UUID.randomUUID()));
        byte[] pdf =
                ProtocolPdf.render(consultation(), protocol(List.of(addendum)), "Клиника «Здоровье»", "Москва", MOSCOW);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Дописано позже").doesNotContain("Документ подписан электронной подписью");
        }
    }

    static String decode(java.awt.image.BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(
                                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
