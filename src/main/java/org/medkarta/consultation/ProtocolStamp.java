package org.medkarta.consultation;

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
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What the signed protocol's PDF says of its signature (SPEC D9; seed 004: «Подписанный протокол
 * консультации, выгружаемый в pdf, содержит информацию о сертификате, ФИО владельца и сроке
 * действия»), with the QR code of its public verification page. It is rendered before the doctor
 * signs, so the signature covers the stamp too.
 */
record ProtocolStamp(String owner, String serial, Instant validFrom, Instant validTo, String verifyUrl) {

    /** Pixels per QR module: the code prints about 30 mm wide, readable by a phone camera. */
    private static final int SCALE = 6;

    /** The QR code of {@link #verifyUrl} as a PNG image. */
    byte[] qrPng() {
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

    String qrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng());
    }
}
