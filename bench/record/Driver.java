import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load driver of the record benchmark (java.net.http, platform threads). Virtual users are
 * patients signed in with genuine RS256 access tokens minted with the key the app was started with
 * (MEDKARTA_IDENTITY_JWT_PRIVATE_KEY), carrying the claims the app's own tokens carry. Each request
 * opens the patient's own record summary, GET /api/v1/patients/{id}/record.
 *
 * <pre>
 * java Driver.java closed BASE KEYFILE USERS SECONDS PATIENTS HEAVY_EVERY typical|heavy TOKENS
 * java Driver.java open   BASE KEYFILE RATE  SECONDS PATIENTS HEAVY_EVERY typical|heavy TOKENS
 * </pre>
 *
 * Prints one line per figure, "name value".
 */
public class Driver {

    public static void main(String[] args) throws Exception {
        new Driver(args).run();
    }

    private final boolean closed;
    private final String base;
    private final PrivateKey key;
    private final double load;
    private final int seconds;
    private final long patients;
    private final long heavyEvery;
    private final boolean heavy;
    private final int tokenCount;
    private final HttpClient http;
    private String[] tokens;
    private String[] ids;
    private final String prefix;

    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final BenchKit.Recorder latency = new BenchKit.Recorder();

    Driver(String[] args) throws Exception {
        closed = args[0].equals("closed");
        base = args[1];
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(args[2])).strip());
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        load = Double.parseDouble(args[3]);
        seconds = Integer.parseInt(args[4]);
        patients = Long.parseLong(args[5]);
        heavyEvery = Long.parseLong(args[6]);
        heavy = args[7].equals("heavy");
        long available = heavy ? patients / heavyEvery : patients - patients / heavyEvery;
        tokenCount = (int) Math.min(available, Integer.parseInt(args[8]));
        prefix = (closed ? "closed_" : "open_") + (heavy ? "heavy_" : "typical_");
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
        System.out.printf("%sseconds %.1f%n", prefix, elapsed);
        System.out.printf("%srequests %d%n", prefix, ok.sum());
        System.out.printf("%srequests_per_second %.0f%n", prefix, ok.sum() / elapsed);
        System.out.printf("%serrors %d%n", prefix, errors.sum());
        System.out.printf("%sbytes_per_response %.0f%n", prefix, ok.sum() == 0 ? 0.0 : bytes.sum() / (double) ok.sum());
        System.out.printf(
                "%slatency_ms p50 %.1f p99 %.1f max %.1f%n",
                prefix, latency.percentile(50), latency.percentile(99), latency.percentile(100));
        System.out.printf(
                "%sdriver_cpu_share %.0f%% of the machine (machine busy %.0f%%)%n",
                prefix, used[0] * 100, used[1] * 100);
        System.exit(0);
    }

    private void request() {
        int i = ThreadLocalRandom.current().nextInt(tokens.length);
        try {
            long t0 = System.nanoTime();
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/patients/" + ids[i] + "/record"))
                            .header("Authorization", "Bearer " + tokens[i])
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            latency.record(System.nanoTime() - t0);
            if (answer.statusCode() == 200) {
                ok.increment();
                bytes.add(answer.body().length);
            } else {
                errors.increment();
                System.err.println("record answered " + answer.statusCode());
            }
        } catch (Exception e) {
            errors.increment();
            System.err.println("request failed: " + e);
        }
    }

    /** Tokens for patients spread over the typical (or the heaviest) ones. */
    private void mintTokens() throws Exception {
        tokens = new String[tokenCount];
        ids = new String[tokenCount];
        long now = Instant.now().getEpochSecond();
        long typical = patients - patients / heavyEvery;
        for (int i = 0; i < tokenCount; i++) {
            long n;
            if (heavy) {
                n = (1 + (long) i * (patients / heavyEvery) / tokenCount) * heavyEvery;
            } else {
                long q = 1 + (long) i * typical / tokenCount;
                n = q + (q - 1) / (heavyEvery - 1);
            }
            ids[i] = BenchKit.uuid("patient" + n);
            tokens[i] = BenchKit.patientToken(key, n, now);
        }
    }
}
