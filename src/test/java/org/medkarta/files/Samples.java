package org.medkarta.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files of every type the upload rules know, made in the test (none is committed). */
public final class Samples {

    private Samples() {}

    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] docx() {
        return written(out -> {
            try (var document = new XWPFDocument()) {
                document.createParagraph().createRun().setText("Заключение врача");
                document.write(out);
            }
        });
    }

    public static byte[] xlsx() {
        return workbook(new XSSFWorkbook());
    }

    public static byte[] xls() {
        return workbook(new HSSFWorkbook());
    }

    private static byte[] workbook(Workbook workbook) {
        return written(out -> {
            try (workbook) {
                workbook.createSheet("Анализы").createRow(0).createCell(0).setCellValue("Гемоглобин");
                workbook.write(out);
            }
        });
    }

    /**
     * A Word 97 compound file: the OLE2 container with a {@code WordDocument} stream that starts
     * with a File Information Block (magic 0xA5EC, nFib 193 for Word 97) and a {@code 1Table}.
     */
    public static byte[] doc() {
        var fib = ByteBuffer.allocate(1472).order(ByteOrder.LITTLE_ENDIAN);
        fib.putShort(0, (short) 0xA5EC).putShort(2, (short) 193).putShort(4, (short) 0x6A62);
        return ole2(List.of(Map.entry("WordDocument", fib.array()), Map.entry("1Table", new byte[4096])));
    }

    /** An OLE2 container that is neither a Word document nor a workbook. */
    public static byte[] otherOle2() {
        return ole2(List.of(Map.entry("Something", new byte[8192])));
    }

    /** An OLE2 container of the named streams, in order. */
    private static byte[] ole2(List<Map.Entry<String, byte[]>> streams) {
        return written(out -> {
            try (var fs = new POIFSFileSystem()) {
                for (var stream : streams) {
                    fs.createDocument(new java.io.ByteArrayInputStream(stream.getValue()), stream.getKey());
                }
                fs.writeFilesystem(out);
            }
        });
    }

    public static byte[] zip() {
        return written(out -> {
            try (var zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("readme.txt"));
                zip.write("hello".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
            }
        });
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        return written(out -> ImageIO.write(image, format, out));
    }

    /** What a writer wrote to memory. */
    private static byte[] written(Writing writing) {
        try (var out = new ByteArrayOutputStream()) {
            writing.to(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    public static byte[] text() {
        return "Давление 120/80, пульс 72.\nЖалоб нет.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The Java launcher running this test: a real executable program. */
    public static byte[] executable() {
        Path launcher = Path.of(ProcessHandle.current().info().command().orElseThrow());
        try {
            return java.nio.file.Files.readAllBytes(launcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows program: the MZ header and a PE signature. */
    public static byte[] windowsExecutable() {
        var exe = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        exe.put(0, (byte) 'M').put(1, (byte) 'Z');
        exe.putInt(0x3C, 0x80);
        exe.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        exe.put(0x4E, stub);
        return exe.array();
    }
}
