package org.medkarta.terminology;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.medkarta.shared.InvalidInput;

/**
 * Reads the ICD-10 dictionary as the NSI register exports it: UTF-8, {@code ;}-separated, values
 * optionally quoted ({@code ""} inside a quoted value is one quote), the header {@code
 * ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE} on the first line, dates as
 * DD.MM.YYYY. A file that is not this one is refused naming the line, never half imported.
 */
final class NsiFile {

    static final List<String> HEADER =
            List.of("ID", "REC_CODE", "MKB_CODE", "MKB_NAME", "ID_PARENT", "ADDL_CODE", "ACTUAL", "DATE");

    private static final Pattern DIAGNOSIS = Pattern.compile("[A-Z]\\d\\d(\\.\\d{1,2})?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One line of the file. */
    record Row(
            long id,
            String recCode,
            String code,
            String name,
            Long parentId,
            String addlCode,
            boolean actual,
            LocalDate changedOn) {

        boolean diagnosis() {
            return DIAGNOSIS.matcher(code).matches();
        }
    }

    private NsiFile() {}

    static List<Row> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput("file", "terminology.validation.empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "terminology.validation.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var rows = new ArrayList<Row>();
        try (var lines = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            if (header == null || !split(header.strip()).equals(HEADER)) {
                throw new InvalidInput("file", "terminology.validation.header", String.join(";", HEADER));
            }
            int number = 1;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(row(split(line), number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("file", "terminology.validation.empty");
        }
        return rows;
    }

    private static Row row(List<String> fields, int line) {
        if (fields.size() != HEADER.size()) {
            throw new InvalidInput("file", "terminology.validation.row", line);
        }
        try {
            String code = fields.get(2).strip();
            String name = fields.get(3).strip();
            if (code.isEmpty() || code.length() > 20 || name.isEmpty() || name.length() > 1000) {
                throw new InvalidInput("file", "terminology.validation.row", line);
            }
            String parent = fields.get(4).strip();
            String date = fields.get(7).strip();
            return new Row(
                    Long.parseLong(fields.get(0).strip()),
                    blankToNull(fields.get(1)),
                    code,
                    name,
                    parent.isEmpty() ? null : Long.valueOf(parent),
                    blankToNull(fields.get(5)),
                    "1".equals(fields.get(6).strip()),
                    date.isEmpty() ? null : LocalDate.parse(date, DATE));
        } catch (RuntimeException wrong) {
            if (wrong instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "terminology.validation.row", line);
        }
    }

    private static String blankToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Splits one line on {@code ;} outside quotes. */
    static List<String> split(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
