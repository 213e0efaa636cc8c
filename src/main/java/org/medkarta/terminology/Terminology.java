package org.medkarta.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terminology module's whole API: ICD-10 (МКБ-10) search for forms and the import of the
 * ministry's NSI file by an administrator or the {@code --import-icd10} command.
 */
@Service
public class Terminology {

    /** The register's file name: {@code <OID>_<version>.csv}. */
    private static final Pattern FILE_NAME =
            Pattern.compile(Pattern.quote(Icd10Codes.DICTIONARY) + "_(\\d+(?:\\.\\d+)*)\\.csv");

    private static final int MAX_LIMIT = 100;

    private final Icd10Codes codes;
    private final TerminologyProperties properties;
    private final Clock clock;

    /** The demo's copy is being imported in the background (first start of the default profile). */
    private final AtomicBoolean icd10Loading = new AtomicBoolean();

    Terminology(Icd10Codes codes, TerminologyProperties properties, Clock clock) {
        this.codes = codes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Diagnoses by code prefix ({@code I1}, {@code J06.}, also typed with Cyrillic letters) or by the
     * beginnings of Russian words in any order ({@code гипертенз сердц}); nothing for a blank query.
     *
     * @throws InvalidInput {@code q} when the query is longer than 100 characters
     * @throws Icd10Loading while the dictionary is being imported at start-up
     */
    @Transactional(readOnly = true)
    public List<Icd10Entry> searchIcd10(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        if (query.length() > 100) {
            throw new InvalidInput("q", "terminology.validation.query-too-long", 100);
        }
        if (icd10Loading()) {
            throw new Icd10Loading();
        }
        int size = limit <= 0 || limit > MAX_LIMIT ? 20 : limit;
        if (Words.looksLikeCode(query)) {
            return codes.byCode(Words.codeKey(query), size);
        }
        var words = Words.of(query);
        if (words.isEmpty()) {
            return List.of();
        }
        return codes.byWords(words.stream().limit(6).toList(), size);
    }

    /** One entry by its exact code ({@code I10}). */
    @Transactional(readOnly = true)
    public Optional<Icd10Entry> icd10(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return codes.exactly(List.of(code.strip())).stream().findFirst();
    }

    /** The entries of the given codes that exist, by code, in the order asked. */
    @Transactional(readOnly = true)
    public Map<String, Icd10Entry> icd10(Collection<String> wanted) {
        var found = new LinkedHashMap<String, Icd10Entry>();
        var byCode = new LinkedHashMap<String, Icd10Entry>();
        codes.exactly(wanted.stream().map(String::strip).distinct().toList())
                .forEach(entry -> byCode.put(entry.code(), entry));
        for (String code : wanted) {
            var entry = byCode.get(code.strip());
            if (entry != null) {
                found.put(entry.code(), entry);
            }
        }
        return found;
    }

    /** How many entries the dictionary holds; 0 before the first import. */
    @Transactional(readOnly = true)
    public int icd10Size() {
        return codes.count();
    }

    /**
     * Whether the dictionary is being imported at start-up (the demo's copy, in the background after
     * the app answers ready, into an empty dictionary): searches answer {@link Icd10Loading} meanwhile.
     */
    public boolean icd10Loading() {
        return icd10Loading.get();
    }

    void icd10Loading(boolean loading) {
        icd10Loading.set(loading);
    }

    @Transactional(readOnly = true)
    public Optional<ImportResult> lastIcd10Import() {
        return codes.lastImport();
    }

    /**
     * Imports an uploaded NSI file; platform administrators only. Importing the file already
     * imported changes nothing; another version replaces the dictionary in one transaction, so
     * searches see the old one or the new one, never half of either.
     *
     * @throws InvalidInput {@code file} naming what is wrong with the file (and the line)
     */
    @Transactional
    public ImportResult importIcd10(SignedInUser actor, String fileName, byte[] content) {
        if (actor == null || !actor.has(Role.PLATFORM_ADMIN)) {
            throw new NotFound();
        }
        return load(fileName, content, actor.userId().value());
    }

    /** Imports a file from disk, for the {@code --import-icd10} command, the demo data and tests. */
    @Transactional
    public ImportResult importIcd10(Path file) {
        try {
            return load(file.getFileName().toString(), Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a file the application carries (the demo data's copy), recorded under its name. */
    @Transactional
    ImportResult importIcd10(String fileName, byte[] content) {
        return load(fileName, content, null);
    }

    /** The newest ministry file in the configured directory, if there is one. */
    public Optional<Path> icd10File() {
        Path directory = properties.icd10Directory();
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            var found = new ArrayList<Path>();
            files.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .forEach(found::add);
            return found.stream()
                    .max((a, b) -> compareVersions(
                            version(a.getFileName().toString()),
                            version(b.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportResult load(String fileName, byte[] content, UUID by) {
        String sha = sha256(content == null ? new byte[0] : content);
        var last = codes.lastImport();
        if (last.isPresent()
                && last.get().sha256().equals(sha)
                && codes.count() == last.get().entries()) {
            return new ImportResult(
                    last.get().version(),
                    sha,
                    last.get().entries(),
                    true,
                    last.get().importedAt());
        }
        var rows = NsiFile.read(content);
        codes.replace(rows);
        var result = new ImportResult(version(fileName), sha, rows.size(), false, clock.instant());
        codes.recordImport(result, fileName, by);
        return result;
    }

    static String version(String fileName) {
        if (fileName == null) {
            return "unknown";
        }
        var matcher = FILE_NAME.matcher(Path.of(fileName).getFileName().toString());
        return matcher.matches() ? matcher.group(1) : "unknown";
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length && !left[i].equals("unknown") ? Integer.parseInt(left[i]) : 0;
            int r = i < right.length && !right[i].equals("unknown") ? Integer.parseInt(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
