import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load driver of the FHIR benchmark (java.net.http, platform threads). Searches run as patients
 * signed in with genuine RS256 access tokens minted with the key the app was started with
 * (MEDKARTA_IDENTITY_JWT_PRIVATE_KEY), carrying the claims the app's own tokens carry; the import runs
 * as the registrar of clinic 1 (generate.sql), with the claims of a staff token.
 *
 * <pre>
 * java Driver.java closed BASE KEYFILE USERS SECONDS SEARCH PATIENTS HEAVY_EVERY TOKENS APPOINTMENTS SINCE SPECIALTIES
 * java Driver.java open   BASE KEYFILE RATE  SECONDS SEARCH PATIENTS HEAVY_EVERY TOKENS APPOINTMENTS SINCE SPECIALTIES
 * java Driver.java import BASE KEYFILE WORKERS COHORT_DIR
 * java Driver.java token  KEYFILE patient N | registrar
 * </pre>
 *
 * SEARCH is one of {@link #SEARCHES}; SINCE the first day of the generated slots (yyyy-mm-dd);
 * SPECIALTIES the specialty codes of the generated doctors, comma-separated. Prints one line per
 * figure, "name value".
 */
public class Driver {

    static final List<String> SEARCHES = List.of(
            "patient_family", "observation_code", "observation_lab_date", "slot_specialty", "appointment_patient");

    /**
     * The LOINC codes of bench/record's five tests (HGB, CHOL, GLU, CREA, ALT): its generator gives
     * the q-th typical patient the results of test (q - 1) mod 5 when the typical patients are a
     * multiple of five (otherwise every test), so each patient asks for a test they have.
     */
    static final String[] LOINC = {"718-7", "14647-2", "14749-6", "14682-9", "1742-6"};

    /** From when laboratory results are asked for (bench/record's results span 2015 to 2025). */
    static final String LAB_SINCE = "2024-01-01";

    private static final Pattern ENTRY = Pattern.compile("\"fullUrl\"");
    private static final Pattern RESOURCE = Pattern.compile("\"resource\"\\s*:");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "closed", "open" -> new Driver(args).run();
            case "import" -> importCohort(args);
            case "token" -> {
                var key = key(args[1]);
                long now = Instant.now().getEpochSecond();
                System.out.println(
                        args[2].equals("registrar")
                                ? registrarToken(key, now)
                                : BenchKit.patientToken(key, Long.parseLong(args[3]), now));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private final boolean closed;
    private final String base;
    private final PrivateKey key;
    private final double load;
    private final int seconds;
    private final String search;
    private final long patients;
    private final long heavyEvery;
    private final int tokenCount;
    private final long appointments;
    private final String since;
    private final String[] specialties;
    private final HttpClient http;
    private final String prefix;
    private String[] tokens;
    private long[] numbers;
    private long[] typicals;

    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder entries = new LongAdder();
    private final LongAdder empty = new LongAdder();
    private final BenchKit.Recorder latency = new BenchKit.Recorder();

    Driver(String[] args) throws Exception {
        closed = args[0].equals("closed");
        base = args[1];
        key = key(args[2]);
        load = Double.parseDouble(args[3]);
        seconds = Integer.parseInt(args[4]);
        search = args[5];
        if (!SEARCHES.contains(search)) {
            throw new IllegalArgumentException("SEARCH is one of " + SEARCHES);
        }
        patients = Long.parseLong(args[6]);
        heavyEvery = Long.parseLong(args[7]);
        appointments = Math.min(patients, Long.parseLong(args[9]));
        long range = search.equals("appointment_patient") ? appointments : patients;
        tokenCount = (int) Math.min(range - range / heavyEvery, Integer.parseInt(args[8]));
        since = args[10];
        specialties = args[11].split(",");
        prefix = (closed ? "closed_" : "open_") + search + "_";
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }

    void run() throws Exception {
        mintTokens();
        var cpu = new BenchKit.Cpu();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        BenchKit.drive(closed, load, deadline, this::request);
        double elapsed = (System.nanoTime() - start) / 1e9;
        var used = cpu.done();
        long n = ok.sum();
        System.out.printf("%sseconds %.1f%n", prefix, elapsed);
        System.out.printf("%srequests %d%n", prefix, n);
        System.out.printf("%srequests_per_second %.0f%n", prefix, n / elapsed);
        System.out.printf("%serrors %d%n", prefix, errors.sum());
        System.out.printf("%sbytes_per_response %.0f%n", prefix, n == 0 ? 0.0 : bytes.sum() / (double) n);
        System.out.printf(
                "%sentries_per_response %.1f (empty bundles %d)%n",
                prefix, n == 0 ? 0.0 : entries.sum() / (double) n, empty.sum());
        System.out.printf(
                "%slatency_ms p50 %.1f p99 %.1f max %.1f%n",
                prefix, latency.percentile(50), latency.percentile(99), latency.percentile(100));
        System.out.printf(
                "%sdriver_cpu_share %.0f%% of the machine (machine busy %.0f%%)%n",
                prefix, used[0] * 100, used[1] * 100);
        System.exit(0);
    }

    /** The search's query for the signed-in patient number n (their own record, or a random specialty). */
    private String query(long n, long q) {
        String patient = "Patient/" + BenchKit.uuid("patient" + n);
        return switch (search) {
            case "patient_family" -> "/fhir/Patient?family=" + encode("Пациентов" + n);
            case "observation_code" -> "/fhir/Observation?patient=" + patient + "&code=" + encode("http://loinc.org|" + LOINC[(int) ((q - 1) % 5)]);
            case "observation_lab_date" ->
                "/fhir/Observation?patient=" + patient + "&category=laboratory&date=ge" + LAB_SINCE;
            case "slot_specialty" ->
                "/fhir/Slot?specialty="
                        + encode(specialties[ThreadLocalRandom.current().nextInt(specialties.length)])
                        + "&start=ge" + since + "&status=free";
            case "appointment_patient" -> "/fhir/Appointment?patient=" + patient;
            default -> throw new IllegalStateException(search);
        };
    }

    private void request() {
        int i = ThreadLocalRandom.current().nextInt(tokens.length);
        try {
            long t0 = System.nanoTime();
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + query(numbers[i], typicals[i])))
                            .header("Authorization", "Bearer " + tokens[i])
                            .header("Accept", "application/fhir+json")
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            latency.record(System.nanoTime() - t0);
            if (answer.statusCode() == 200) {
                ok.increment();
                String body = answer.body();
                bytes.add(body.getBytes(StandardCharsets.UTF_8).length);
                long found = count(RESOURCE, body);
                entries.add(found);
                if (found == 0) {
                    empty.increment();
                }
            } else {
                errors.increment();
                System.err.println(search + " answered " + answer.statusCode() + ": " + abbreviate(answer.body()));
            }
        } catch (Exception e) {
            errors.increment();
            System.err.println("request failed: " + e);
        }
    }

    /** Tokens for typical patients (not every HEAVY_EVERY-th) spread over the search's patients. */
    private void mintTokens() {
        tokens = new String[tokenCount];
        numbers = new long[tokenCount];
        typicals = new long[tokenCount];
        long now = Instant.now().getEpochSecond();
        long range = search.equals("appointment_patient") ? appointments : patients;
        long typical = range - range / heavyEvery;
        for (int i = 0; i < tokenCount; i++) {
            long q = 1 + (long) i * typical / tokenCount;
            long n = q + (q - 1) / (heavyEvery - 1);
            numbers[i] = n;
            typicals[i] = q;
            tokens[i] = BenchKit.patientToken(key, n, now);
        }
    }

    // --- the import ---

    /**
     * Posts the cohort through Medkarta's own FHIR import, {@code POST /fhir} with each transaction
     * Bundle, as the registrar of clinic 1: first the hospital and practitioner bundles, in order, then
     * every patient's bundle with WORKERS in parallel. Counts the resources posted (the bundles'
     * entries) and those of bundles answered 200. An import endpoint that is not there (404, 405 or
     * 501 to the first bundle, or HAPI's 400 "HAPI-0287" for a POST to the base URL that no transaction
     * method handles) skips the import: "import_skipped" and nothing else is printed.
     */
    static void importCohort(String[] args) throws Exception {
        String base = args[1];
        var key = key(args[2]);
        int workers = Integer.parseInt(args[3]);
        Path dir = Path.of(args[4]);
        List<Path> shared = new ArrayList<>();
        List<Path> patients = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                (name.startsWith("hospitalInformation") || name.startsWith("practitionerInformation") ? shared : patients)
                        .add(f);
            });
        }
        // The sending system's hospitals and practitioners are not patient records: Medkarta's
        // directory is its own clinics and doctors, and the patients' references to them stay
        // references by identifier. They are not posted.
        System.out.println("import_directory_bundles_not_posted " + shared.size());
        shared.clear();
        String token = registrarToken(key, Instant.now().getEpochSecond());
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        var posted = new LongAdder();
        var imported = new LongAdder();
        var bundles = new LongAdder();
        var failed = new LongAdder();
        var sent = new LongAdder();
        var latency = new BenchKit.Recorder();
        var cpu = new BenchKit.Cpu();
        long start = System.nanoTime();
        List<Path> first = new ArrayList<>(shared);
        if (first.isEmpty() && !patients.isEmpty()) {
            first.add(patients.remove(0));
        }
        for (Path bundle : first) {
            var answer = post(http, base, token, bundle, posted, imported, bundles, failed, sent, latency);
            int status = answer.statusCode();
            if (status == 404 || status == 405 || status == 501 || (status == 400 && answer.body().contains("HAPI-0287"))) {
                System.out.println("import_skipped POST /fhir answered " + status
                        + " (no transaction import in this build); the import and its COPY comparison are not measured");
                System.exit(0);
            }
        }
        var queue = new ConcurrentLinkedQueue<>(patients);
        var done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            new Thread(() -> {
                        for (Path bundle; (bundle = queue.poll()) != null; ) {
                            try {
                                post(http, base, token, bundle, posted, imported, bundles, failed, sent, latency);
                            } catch (Exception e) {
                                failed.increment();
                                System.err.println(bundle.getFileName() + " failed: " + e);
                            }
                        }
                        done.countDown();
                    })
                    .start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        var used = cpu.done();
        System.out.printf("import_seconds %.1f%n", elapsed);
        System.out.printf("import_bundles %d (refused %d)%n", bundles.sum(), failed.sum());
        System.out.printf("import_resources_posted %d (%.1f MB of JSON)%n", posted.sum(), sent.sum() / 1e6);
        System.out.printf("import_resources_imported %d%n", imported.sum());
        System.out.printf("import_resources_per_second %.0f%n", imported.sum() / elapsed);
        System.out.printf(
                "import_bundle_latency_ms p50 %.1f p99 %.1f max %.1f%n",
                latency.percentile(50), latency.percentile(99), latency.percentile(100));
        System.out.printf("import_driver_cpu_share %.0f%% of the machine (machine busy %.0f%%)%n", used[0] * 100, used[1] * 100);
        System.exit(0);
    }

    private static HttpResponse<String> post(
            HttpClient http,
            String base,
            String token,
            Path bundle,
            LongAdder posted,
            LongAdder imported,
            LongAdder bundles,
            LongAdder failed,
            LongAdder sent,
            BenchKit.Recorder latency)
            throws IOException, InterruptedException {
        byte[] body = Files.readAllBytes(bundle);
        long resources = count(ENTRY, new String(body, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/fhir"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/fhir+json")
                        .header("Accept", "application/fhir+json")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        latency.record(System.nanoTime() - t0);
        posted.add(resources);
        sent.add(body.length);
        bundles.increment();
        if (answer.statusCode() == 200) {
            // Counted from the import's own report: what the record now holds of this Bundle.
            var report = answer.headers().firstValue("X-Import-Report").orElse("");
            var counts = java.util.regex.Pattern.compile("(created|matched|duplicates|kept)=(\\d+)").matcher(report);
            long held = 0;
            while (counts.find()) {
                held += Long.parseLong(counts.group(2));
            }
            imported.add(report.isEmpty() ? resources : held);
        } else {
            failed.increment();
            System.err.println(bundle.getFileName() + " answered " + answer.statusCode() + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    // --- tokens and helpers ---

    /**
     * An RS256 access token of the registrar of clinic 1 (generate.sql), with the claims the app's
     * own staff tokens carry: roles as ROLE@clinic, no pid, signed in with a password.
     */
    static String registrarToken(PrivateKey key, long now) {
        try {
            var url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
            String claims = "{\"iss\":\"https://medkarta.org\",\"aud\":[\"medkarta-api\"],\"jti\":\""
                    + java.util.UUID.randomUUID() + "\",\"sub\":\"" + BenchKit.uuid("registrar-user1") + "\",\"iat\":"
                    + now + ",\"exp\":" + (now + 3600) + ",\"name\":\"Анна Регистраторова\",\"method\":\"PASSWORD\","
                    + "\"roles\":[\"REGISTRAR@" + BenchKit.uuid("clinic1") + "\"]}";
            String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey key(String file) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(file)).strip());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static long count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        long n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
