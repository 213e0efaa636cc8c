package org.medkarta.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's type from its bytes with Apache Tika's core detector, then looks inside the two
 * container formats that tika-core alone does not open: a ZIP package is a DOCX or an XLSX when its
 * {@code [Content_Types].xml} names the main part of a Word document or an Excel workbook (as Tika's
 * OPC detector does with POI), and an OLE2 compound file is a DOC or an XLS when its directory holds
 * a {@code WordDocument} or {@code Workbook} stream (as Tika's POIFS detector does). Anything else in
 * such a container stays a bare ZIP or OLE2 type, which no purpose allows.
 */
final class ContentTypes {

    static final String OLE2 = "application/x-tika-msoffice";

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY =
            MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private static final MediaType ZIP = MediaType.application("zip");
    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String EXCEL_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private ContentTypes() {}

    /** The media type of the content, without parameters such as a charset. */
    static String detect(byte[] content) {
        String detected = MediaType.parse(TIKA.detect(content)).getBaseType().toString();
        if (detected.equals(OLE2)) {
            return ole2(content);
        }
        if (REGISTRY.isInstanceOf(MediaType.parse(detected), ZIP)) {
            return zipPackage(content, detected);
        }
        return detected;
    }

    private static String zipPackage(byte[] content, String detected) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < MAX_ZIP_ENTRIES) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    String types = new String(zip.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
                    if (types.contains("\"" + WORD_MAIN + "\"")) {
                        return MediaTypes.DOCX;
                    }
                    if (types.contains("\"" + EXCEL_MAIN + "\"")) {
                        return MediaTypes.XLSX;
                    }
                    return detected;
                }
            }
            return detected;
        } catch (IOException | IllegalArgumentException e) {
            return detected;
        }
    }

    private static String ole2(byte[] content) {
        Set<String> names = Ole2Directory.names(content);
        if (names.contains("WordDocument")) {
            return MediaTypes.DOC;
        }
        if (names.contains("Workbook") || names.contains("WORKBOOK") || names.contains("Book")) {
            return MediaTypes.XLS;
        }
        return OLE2;
    }

    /**
     * Reads the names in the directory of an OLE2 compound file ([MS-CFB]): the header gives the
     * sector size, the sectors of the allocation table and the first directory sector; the
     * directory is a chain of sectors of 128-byte entries with UTF-16 names. A malformed file gives
     * no names.
     */
    static final class Ole2Directory {

        private static final long END_OF_CHAIN = 0xFFFFFFFEL;

        private Ole2Directory() {}

        static Set<String> names(byte[] content) {
            try {
                return read(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN));
            } catch (RuntimeException malformed) {
                return Set.of();
            }
        }

        private static Set<String> read(ByteBuffer file) {
            int shift = Short.toUnsignedInt(file.getShort(0x1E));
            if (shift != 9 && shift != 12) {
                return Set.of();
            }
            int sectorSize = 1 << shift;
            int fatSectors = file.getInt(0x2C);
            long firstDirectory = Integer.toUnsignedLong(file.getInt(0x30));
            List<Long> fat = new ArrayList<>();
            for (int i = 0; i < Math.min(fatSectors, 109); i++) {
                long fatSector = Integer.toUnsignedLong(file.getInt(0x4C + 4 * i));
                int offset = offsetOf(fatSector, sectorSize);
                for (int j = 0; j < sectorSize / 4; j++) {
                    fat.add(Integer.toUnsignedLong(file.getInt(offset + 4 * j)));
                }
            }
            Set<String> names = new HashSet<>();
            Set<Long> seen = new HashSet<>();
            long sector = firstDirectory;
            while (sector != END_OF_CHAIN && seen.add(sector) && sector < fat.size()) {
                int offset = offsetOf(sector, sectorSize);
                for (int entry = 0; entry < sectorSize / 128; entry++) {
                    int at = offset + entry * 128;
                    int nameBytes = Short.toUnsignedInt(file.getShort(at + 64));
                    int type = file.get(at + 66);
                    if (type != 0 && nameBytes >= 2 && nameBytes <= 64) {
                        byte[] name = new byte[nameBytes - 2];
                        file.get(at, name);
                        names.add(new String(name, StandardCharsets.UTF_16LE));
                    }
                }
                sector = fat.get((int) sector);
            }
            return names;
        }

        private static int offsetOf(long sector, int sectorSize) {
            return Math.toIntExact((sector + 1) * sectorSize);
        }
    }
}
