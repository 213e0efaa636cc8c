import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load driver of the dashboard benchmark (java.net.http, platform threads): the clinic's
 * administrator, with a genuine RS256 access token minted with the key the app was started with,
 * asks GET /api/v1/clinics/{id}/dashboard?from=&to= over and over.
 *
 * <pre>
 * java Driver closed BASE KEYFILE USERS SECONDS FROM TO LABEL
 * java Driver open   BASE KEYFILE RATE  SECONDS FROM TO LABEL
 * </pre>
 *
 * Prints one line per figure, "name value".
 */
public class Driver {

    public static void main(String[] args) throws Exception {
        new Driver(args).run();
    }

    private final boolean closed;
    private final String url;
    private final String token;
    private final double load;
    private final int seconds;
    private final String prefix;
    private final HttpClient http;

    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final BenchKit.Recorder latency = new BenchKit.Recorder();

    Driver(String[] args) throws Exception {
        closed = args[0].equals("closed");
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(args[2])).strip());
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        load = Double.parseDouble(args[3]);
        seconds = Integer.parseInt(args[4]);
        String clinic = BenchKit.uuid("dash-clinic");
        url = args[1] + "/api/v1/clinics/" + clinic + "/dashboard?from=" + args[5] + "&to=" + args[6];
        token = BenchKit.staffToken(
                key,
                BenchKit.uuid("dash-admin"),
                "Алла Админова",
                List.of("CLINIC_ADMIN@" + clinic),
                Instant.now().getEpochSecond());
        prefix = (closed ? "closed_" : "open_") + args[7] + "_";
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(2))
                .build();
    }

    void run() throws Exception {
        var cpu = new BenchKit.Cpu();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        BenchKit.drive(closed, load, deadline, this::request);
        double elapsed = (System.nanoTime() - start) / 1e9;
        var used = cpu.done();
        System.out.printf("%sseconds %.1f%n", prefix, elapsed);
        System.out.printf("%srequests %d%n", prefix, ok.sum());
        System.out.printf("%srequests_per_second %.2f%n", prefix, ok.sum() / elapsed);
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
        try {
            long t0 = System.nanoTime();
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            latency.record(System.nanoTime() - t0);
            if (answer.statusCode() == 200) {
                ok.increment();
                bytes.add(answer.body().length);
            } else {
                errors.increment();
                System.err.println("dashboard answered " + answer.statusCode() + " " + new String(answer.body()));
            }
        } catch (Exception e) {
            errors.increment();
            System.err.println("request failed: " + e);
        }
    }
}
