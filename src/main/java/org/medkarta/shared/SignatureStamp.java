package org.medkarta.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What a PDF the platform issues (a signed protocol, SPEC D9; an extract, SPEC E10) says of the
 * signature over it (seed 004: «информацию о сертификате, ФИО владельца и сроке действия»), with the
 * QR code of its public verification page. It is rendered before signing, so the signature covers
 * the stamp too. A page built for {@link Pdfs} places {@link #xhtml} and styles the {@code stamp}
 * class.
 *
 * @param owner the certificate owner's name
 * @param serial the certificate's serial number
 * @param verifyUrl the public page that verifies the signed document
 */
public record SignatureStamp(String owner, String serial, Instant validFrom, Instant validTo, String verifyUrl) {

    /** Pixels per QR module: the code prints about 30 mm wide, readable by a phone camera. */
    private static final int SCALE = 6;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The QR code of {@link #verifyUrl} as a PNG image. */
    public byte[] qrPng() {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            verifyUrl,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            int size = matrix.getWidth() * SCALE;
            var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / SCALE, y / SCALE) ? 0x000000 : 0xFFFFFF);
                }
            }
            var png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("The verification address does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code as a {@code data:} address for an {@code img}. */
    public String qrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng());
    }

    /**
     * The stamp as an XHTML table of class {@code stamp}: the QR code, then {@code heading}, the owner,
     * the serial, the validity in {@code zone} and how to check the signature.
     */
    public String xhtml(String heading, ZoneId zone) {
        return new StringBuilder()
                .append("<table class=\"stamp\"><tr><td><img alt=\"QR\" src=\"")
                .append(qrDataUri())
                .append("\"/></td><td>")
                .append("<div class=\"title\">")
                .append(Pdfs.escape(heading))
                .append("</div>")
                .append("<div>")
                .append(Pdfs.escape("Владелец: " + owner))
                .append("</div>")
                .append("<div>")
                .append(Pdfs.escape("Сертификат: " + serial))
                .append("</div>")
                .append("<div>")
                .append(Pdfs.escape("Действителен: с " + DATE.format(validFrom.atZone(zone)) + " по "
                        + DATE.format(validTo.atZone(zone))))
                .append("</div>")
                .append("<div>")
                .append(Pdfs.escape("Проверить подпись: отсканируйте QR-код или откройте страницу проверки"))
                .append("</div>")
                .append("</td></tr></table>")
                .toString();
    }
}
