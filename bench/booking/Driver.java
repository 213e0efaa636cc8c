import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The load driver of the booking benchmark (java.net.http, platform threads: the machine's JDK is
 * 17). Virtual users are patients signed in with genuine RS256 access tokens minted with the key the
 * app was started with (MEDKARTA_IDENTITY_JWT_PRIVATE_KEY), carrying the claims the app's own
 * tokens carry (sub, pid, roles, name, method, iat, exp). Each user searches free slots of a random
 * specialty (nearest first, first page) and books a random one of them; a 409 is a wasted attempt
 * and the user starts over with a new search.
 *
 * <pre>
 * java Driver.java closed  BASE KEYFILE USERS SECONDS PATIENT_FROM PATIENT_COUNT TOKENS
 * java Driver.java open    BASE KEYFILE RATE  SECONDS PATIENT_FROM PATIENT_COUNT TOKENS
 * java Driver.java sink    PORT          (an HTTP SMS provider answering 200, for the app's SMS)
 * </pre>
 *
 * Prints one line per figure, "name value".
 */
public class Driver {

    private static final Pattern SLOT = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"[^}]*?\"serviceId\":\"([0-9a-f-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"[^\"]*/([a-z-]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sink" -> sink(Integer.parseInt(args[1]));
            case "closed", "open" -> new Driver(args).run();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A stand-in SMS provider: the app's HTTP gateway posts here as it would to a real one. */
    static void sink(int port) throws Exception {
        var received = new AtomicLong();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("sms_received " + received.get())));
        Thread.currentThread().join();
    }

    private final boolean closed;
    /** The nodes, comma-separated on the command line; each user (token) stays with one of them. */
    private final String[] bases;
    private final PrivateKey key;
    private final double load;
    private final int seconds;
    private final int patientFrom;
    private final int patientCount;
    private final int tokenCount;
    private final HttpClient http;
    private String[] tokens;
    private List<String> specialties;

    private final LongAdder booked = new LongAdder();
    private final LongAdder searches = new LongAdder();
    private final LongAdder emptySearches = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final BenchKit.Recorder searchLatency = new BenchKit.Recorder();
    private final BenchKit.Recorder bookLatency = new BenchKit.Recorder();
    private final AtomicLong lastBooking = new AtomicLong();

    Driver(String[] args) throws Exception {
        closed = args[0].equals("closed");
        bases = args[1].split(",");
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(args[2])).strip());
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        load = Double.parseDouble(args[3]);
        seconds = Integer.parseInt(args[4]);
        patientFrom = Integer.parseInt(args[5]);
        patientCount = Integer.parseInt(args[6]);
        tokenCount = Math.min(patientCount, Integer.parseInt(args[7]));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }

    void run() throws Exception {
        String prefix = closed ? "closed_" : "open_";
        long mintStart = System.nanoTime();
        mintTokens();
        System.out.printf("%stokens_minted %d in %.1f s%n", prefix, tokenCount, (System.nanoTime() - mintStart) / 1e9);
        specialties = new ArrayList<>();
        var matcher = CODE.matcher(get("/api/v1/specialties", tokens[0]).body());
        while (matcher.find()) {
            specialties.add(matcher.group(1));
        }
        var cpu = new BenchKit.Cpu();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        if (closed) {
            runClosed((int) load, deadline);
        } else {
            runOpen(load, deadline);
        }
        long end = closed ? Math.max(lastBooking.get(), start + 1) : System.nanoTime();
        double elapsed = (end - start) / 1e9;
        var used = cpu.done();
        long wasted = refused.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("%sseconds %.1f%n", prefix, elapsed);
        System.out.printf("%sbookings %d%n", prefix, booked.sum());
        System.out.printf("%sbookings_per_second %.0f%n", prefix, booked.sum() / elapsed);
        System.out.printf("%swasted_attempts %d (%s)%n", prefix, wasted, refusedText());
        System.out.printf("%ssearches %d (empty %d)%n", prefix, searches.sum(), emptySearches.sum());
        System.out.printf("%serrors %d%n", prefix, errors.sum());
        System.out.printf(
                "%sbook_latency_ms p50 %.1f p99 %.1f max %.1f%n",
                prefix, bookLatency.percentile(50), bookLatency.percentile(99), bookLatency.percentile(100));
        System.out.printf(
                "%ssearch_latency_ms p50 %.1f p99 %.1f max %.1f%n",
                prefix, searchLatency.percentile(50), searchLatency.percentile(99), searchLatency.percentile(100));
        System.out.printf(
                "%sdriver_cpu_share %.0f%% of the machine (machine busy %.0f%%; the driver is %.0f%% of the busy time)%n",
                prefix, used[0] * 100, used[1] * 100, used[1] == 0 ? 0 : used[0] / used[1] * 100);
        System.exit(0);
    }

    private String refusedText() {
        var parts = new ArrayList<String>();
        refused.forEach((type, count) -> parts.add(type + " " + count.sum()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Closed model: a fixed number of users, each starting over as soon as it is done. */
    private void runClosed(int users, long deadline) throws InterruptedException {
        var done = new CountDownLatch(users);
        var soldOut = new AtomicInteger();
        for (int i = 0; i < users; i++) {
            Thread thread = new Thread(() -> {
                int emptyInARow = 0;
                while (System.nanoTime() < deadline && soldOut.get() < users) {
                    int outcome = session();
                    emptyInARow = outcome == EMPTY ? emptyInARow + 1 : 0;
                    if (emptyInARow == specialties.size()) {
                        soldOut.incrementAndGet();
                        break;
                    }
                }
                done.countDown();
            });
            thread.start();
        }
        done.await();
    }

    /** Open model: users arrive at a fixed rate whatever the app's answers take. */
    private void runOpen(double rate, long deadline) throws InterruptedException {
        ExecutorService users = Executors.newCachedThreadPool();
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        while (next < deadline) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            users.execute(this::session);
            next += interval;
        }
        users.shutdown();
        users.awaitTermination(60, TimeUnit.SECONDS);
    }

    private static final int BOOKED = 0;
    private static final int REFUSED = 1;
    private static final int EMPTY = 2;
    private static final int FAILED = 3;

    /** One patient: a search, then a booking of one of the slots found. */
    private int session() {
        var random = ThreadLocalRandom.current();
        String token = tokens[random.nextInt(tokens.length)];
        try {
            String specialty = specialties.get(random.nextInt(specialties.size()));
            long t0 = System.nanoTime();
            var found = get("/api/v1/slots?specialty=" + specialty + "&page=0&size=20", token);
            searchLatency.record(System.nanoTime() - t0);
            searches.increment();
            if (found.statusCode() != 200) {
                errors.increment();
                return FAILED;
            }
            var slots = new ArrayList<String[]>();
            var matcher = SLOT.matcher(found.body());
            while (matcher.find()) {
                slots.add(new String[] {matcher.group(1), matcher.group(2)});
            }
            if (slots.isEmpty()) {
                emptySearches.increment();
                return EMPTY;
            }
            var slot = slots.get(random.nextInt(slots.size()));
            String body = "{\"slotId\":\"" + slot[0] + "\",\"serviceId\":\"" + slot[1] + "\"}";
            long t1 = System.nanoTime();
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create(base(token) + "/api/v1/appointments"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long t2 = System.nanoTime();
            bookLatency.record(t2 - t1);
            if (answer.statusCode() == 201) {
                booked.increment();
                lastBooking.accumulateAndGet(t2, Math::max);
                return BOOKED;
            }
            if (answer.statusCode() == 409) {
                var type = TYPE.matcher(answer.body());
                refused.computeIfAbsent(type.find() ? type.group(1) : "409", k -> new LongAdder())
                        .increment();
                return REFUSED;
            }
            errors.increment();
            System.err.println("booking answered " + answer.statusCode() + ": " + answer.body());
            return FAILED;
        } catch (Exception e) {
            errors.increment();
            System.err.println("request failed: " + e);
            return FAILED;
        }
    }

    /** The node a user talks to: the same for their search and their booking, spread evenly. */
    private String base(String token) {
        return bases[Math.floorMod(token.hashCode(), bases.length)];
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(token) + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- tokens

    /** Access tokens for patients patientFrom .. patientFrom + tokenCount - 1, spread over the range. */
    private void mintTokens() throws Exception {
        tokens = new String[tokenCount];
        int threads = Runtime.getRuntime().availableProcessors();
        var pool = Executors.newFixedThreadPool(threads);
        long now = Instant.now().getEpochSecond();
        for (int t = 0; t < threads; t++) {
            int first = t;
            pool.execute(() -> {
                for (int i = first; i < tokenCount; i += threads) {
                    long patient = patientFrom + (long) i * patientCount / tokenCount;
                    tokens[i] = BenchKit.patientToken(key, patient, now);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }
}
