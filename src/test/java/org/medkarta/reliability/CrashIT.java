package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medkarta.reliability.ApiClient.expect;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash tests (issue 12): bookings, chat messages, grants and their SMS under load while the app is
 * killed with SIGKILL three times and restarted, and while PostgreSQL restarts once (fast
 * shutdown). Every write confirmed to a client must be in the database afterwards, nothing twice,
 * and every SMS in the outbox must reach the provider, each message under one idempotency key.
 *
 * <p>Everything runs on a PostgreSQL cluster of the test's own ({@code initdb} in a temporary
 * folder, a free port, its own socket folder; removed afterwards), so no other user of the machine
 * is disturbed. The app is a separate JVM (the test's class path without the test classes, so the
 * real app), its SMS gateway the HTTP gateway pointed at a small provider here that records every
 * delivery with its {@code Idempotency-Key}.
 *
 * <p>A control run then switches {@code synchronous_commit} off and crashes PostgreSQL (immediate
 * shutdown): that can lose commits already confirmed, and the same check is shown to see it (it
 * prints the loss, or says plainly that none happened in that run; a control that can flap does not
 * fail the build).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {

    static final int PATIENTS = 10;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    Cluster cluster;
    SmsProvider sms;
    App app;
    Journey journey;
    final ApiClient api = new ApiClient(
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build(),
            () -> app.base(),
            Duration.ofSeconds(20));

    @BeforeAll
    void start() throws Exception {
        cluster = Cluster.start();
        cluster.createDatabase("medkarta");
        sms = SmsProvider.start();
        journey = new Journey(api, sms);
        app = new App(cluster, sms);
        app.start();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.kill();
        }
        if (sms != null) {
            sms.stop();
        }
        if (cluster != null) {
            cluster.remove();
        }
    }

    @Test
    void confirmedWritesSurviveKilledAppsAndARestartedDatabaseAndEverySmsIsSentOnce() throws Exception {
        var load = setUpLoad();

        load.start();
        pause(6);
        app.kill();
        app.start();
        pause(5);
        app.kill();
        app.start();
        pause(4);
        cluster.restartFast();
        pause(5);
        app.kill();
        app.start();
        pause(5);
        var done = load.stop();

        Journey.awaitOutboxDrained(cluster, Duration.ofSeconds(90));
        System.out.printf("[reliability] crash run: %s; app killed 3 times, PostgreSQL restarted once%n", done);
        assertThat(done.confirmedBookings()).isGreaterThan(0);
        assertThat(done.confirmedMessages()).isGreaterThan(0);
        assertThat(done.confirmedGrants()).isGreaterThan(0);

        var missing = missing(done);
        System.out.printf("[reliability] crash run: confirmed writes missing afterwards: %s%n", missing);
        assertThat(missing).isEmpty();
        assertThat(duplicates()).isEmpty();

        var delivered = smsCheck(load);
        System.out.printf("[reliability] crash run: %s%n", delivered);
        assertThat(delivered.notDelivered()).isZero();
        assertThat(delivered.unknownKeys()).isZero();
        assertThat(delivered.messagesUnderSeveralKeys()).isZero();
        assertThat(delivered.requestsWithoutKey()).isZero();

        control(load);
    }

    /**
     * The control: commits acknowledged before they reach the disk, then a database crash. Loss is
     * printed, as the proof that the check above would have seen it; none is printed plainly.
     */
    private void control(Load load) throws Exception {
        cluster.sql("ALTER SYSTEM SET synchronous_commit = off");
        cluster.sql("ALTER SYSTEM SET wal_writer_delay = '10s'");
        cluster.sql("ALTER SYSTEM SET wal_writer_flush_after = '1GB'");
        cluster.sql("SELECT pg_reload_conf()");
        load.reset();
        load.start();
        pause(4);
        cluster.crash();
        var done = load.stop();
        cluster.startAgain();
        var missing = missing(done);
        int lost = missing.values().stream().mapToInt(List::size).sum();
        if (lost > 0) {
            System.out.printf(
                    "[reliability] control run (synchronous_commit=off, immediate shutdown): %s; the check finds"
                            + " %d confirmed writes lost: %s%n",
                    done, lost, missing);
        } else {
            System.out.printf(
                    "[reliability] control run (synchronous_commit=off, immediate shutdown): %s; NO LOSS happened"
                            + " in this run, so it does not show the check seeing one%n",
                    done);
        }
        cluster.sql("ALTER SYSTEM RESET synchronous_commit");
        cluster.sql("ALTER SYSTEM RESET wal_writer_delay");
        cluster.sql("ALTER SYSTEM RESET wal_writer_flush_after");
        cluster.sql("SELECT pg_reload_conf()");
    }

    // ------------------------------------------------------------------ the load

    /** Patients who book, give grants and chat, and two chat rooms with the demo doctor. */
    private Load setUpLoad() throws Exception {
        String doctorToken = journey.staff("doctor@demo.medkarta.org", "Demo-doctor-1");
        var patients = new ArrayList<Patient>();
        for (int i = 0; i < PATIENTS; i++) {
            patients.add(journey.patient("Нагрузкин", "Пациент", "1980-01-0" + (1 + i % 9)));
        }
        Instant from = Instant.now().plus(Duration.ofMinutes(30));
        var slots = JSON.readTree(expect(
                        200,
                        journey.get(
                                patients.get(0).token(),
                                "/api/v1/slots?specialty=therapist&size=500&from=" + from + "&to="
                                        + from.plus(Duration.ofDays(14))))
                .body());
        var offers = new CopyOnWriteArrayList<Offer>();
        String doctorId = null;
        String chatService = null;
        for (JsonNode slot : slots) {
            if (slot.get("format").asString().equals("IN_PERSON")) {
                continue;
            }
            offers.add(
                    new Offer(slot.get("id").asString(), slot.get("serviceId").asString()));
            doctorId = slot.get("doctorId").asString();
            if (slot.get("format").asString().equals("CHAT")) {
                chatService = slot.get("serviceId").asString();
            }
        }
        assertThat(offers).as("free telemedicine slots of the demo therapist").hasSizeGreaterThan(50);
        Collections.shuffle(offers);
        var rooms = new ArrayList<Room>();
        var chatSlots = journey.chatSlotsStartingSoon(
                cluster, doctorToken, doctorId, chatService, patients.get(0).token(), 2);
        for (int i = 0; i < chatSlots.size(); i++) {
            rooms.add(journey.room(doctorToken, chatSlots.get(i), patients.get(i)));
        }
        assertThat(rooms).as("chat rooms with the demo therapist").isNotEmpty();
        return new Load(patients, offers, rooms, doctorToken);
    }

    record Patient(String phone, String patientId, String token) {}

    record Offer(String slotId, String serviceId) {}

    record Room(String consultationId, String patientToken) {}

    /** What the clients were told: writes confirmed, and attempts whose outcome they never learnt. */
    record Outcome(
            Map<String, String> bookings,
            Map<String, String> messages,
            Map<String, String> grants,
            int unknown,
            int refused) {

        int confirmedBookings() {
            return bookings.size();
        }

        int confirmedMessages() {
            return messages.size();
        }

        int confirmedGrants() {
            return grants.size();
        }

        @Override
        public String toString() {
            return "confirmed %d bookings, %d chat messages, %d grants; %d attempts without an answer, %d refused"
                    .formatted(bookings.size(), messages.size(), grants.size(), unknown, refused);
        }
    }

    /** One worker per patient, each booking, granting and chatting in turn until stopped. */
    final class Load {

        private final List<Patient> patients;
        private final List<Offer> offers;
        private final List<Room> rooms;
        private final String doctorToken;
        private final AtomicBoolean running = new AtomicBoolean();
        private final List<Thread> workers = new ArrayList<>();
        private Map<String, String> bookings = new ConcurrentHashMap<>();
        private Map<String, String> messages = new ConcurrentHashMap<>();
        private static final java.util.concurrent.atomic.AtomicInteger GRANTEE_PHONES =
                new java.util.concurrent.atomic.AtomicInteger(
                        ThreadLocalRandom.current().nextInt(5_000_000));

        private Map<String, String> grants = new ConcurrentHashMap<>();
        private final AtomicInteger unknown = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();

        Load(List<Patient> patients, List<Offer> offers, List<Room> rooms, String doctorToken) {
            this.patients = patients;
            this.offers = offers;
            this.rooms = rooms;
            this.doctorToken = doctorToken;
        }

        void reset() {
            bookings = new ConcurrentHashMap<>();
            messages = new ConcurrentHashMap<>();
            grants = new ConcurrentHashMap<>();
            unknown.set(0);
            refused.set(0);
        }

        void start() {
            running.set(true);
            workers.clear();
            for (int i = 0; i < patients.size(); i++) {
                var patient = patients.get(i);
                var room = rooms.get(i % rooms.size());
                String chatter = i % 2 == 0 ? room.patientToken() : doctorToken;
                var worker = new Thread(() -> work(patient, room, chatter), "load-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }

        Outcome stop() throws InterruptedException {
            running.set(false);
            for (var worker : workers) {
                worker.join(30_000);
            }
            return new Outcome(
                    Map.copyOf(bookings), Map.copyOf(messages), Map.copyOf(grants), unknown.get(), refused.get());
        }

        private void work(Patient patient, Room room, String chatter) {
            int turn = 0;
            while (running.get()) {
                try {
                    switch (turn++ % 3) {
                        case 0 -> book(patient);
                        case 1 -> chat(room, chatter);
                        default -> grant(patient);
                    }
                } catch (IOException | RuntimeException noAnswer) {
                    // The app or the database is down: the outcome of this attempt is unknown.
                    unknown.incrementAndGet();
                    pauseMillis(500);
                }
            }
        }

        private void book(Patient patient) throws IOException {
            if (offers.isEmpty()) {
                return;
            }
            Offer offer;
            try {
                offer = offers.get(ThreadLocalRandom.current().nextInt(offers.size()));
            } catch (IndexOutOfBoundsException takenMeanwhile) {
                return;
            }
            // An attempt without an answer leaves the slot on offer: a retry may find it booked (409).
            var answer = journey.post(
                    patient.token(),
                    "/api/v1/appointments",
                    Map.of("slotId", offer.slotId(), "serviceId", offer.serviceId(), "acceptClinicDocuments", true));
            if (answer.statusCode() < 500) {
                offers.remove(offer);
            }
            if (answer.statusCode() == 201) {
                bookings.put(JSON.readTree(answer.body()).get("id").asString(), patient.patientId());
            } else {
                count(answer);
            }
        }

        private void chat(Room room, String token) throws IOException {
            String text = "Сообщение " + UUID.randomUUID();
            var answer = journey.post(
                    token, "/api/v1/consultations/" + room.consultationId() + "/messages", Map.of("text", text));
            if (answer.statusCode() == 201) {
                messages.put(JSON.readTree(answer.body()).get("id").asString(), text);
            } else {
                count(answer);
            }
        }

        private void grant(Patient patient) throws IOException {
            // A phone no other grant of the run uses: two grants to one random phone would send one
            // text twice under two keys, and the SMS check could not tell that from a duplicate.
            String grantee = "+7915" + String.format("%07d", GRANTEE_PHONES.getAndIncrement() % 10_000_000);
            var answer = journey.post(
                    patient.token(),
                    "/api/v1/patients/" + patient.patientId() + "/grants",
                    Map.of("granteePhone", grantee, "granteeName", "Родственник", "level", "VIEW"));
            if (answer.statusCode() == 201) {
                grants.put(JSON.readTree(answer.body()).get("id").asString(), grantee);
            } else {
                count(answer);
            }
        }

        private void count(HttpResponse<String> answer) {
            if (answer.statusCode() >= 500) {
                unknown.incrementAndGet();
                pauseMillis(200);
            } else {
                refused.incrementAndGet();
            }
        }
    }

    // ------------------------------------------------------------------ the checks

    /** Confirmed writes not in the database, by kind. */
    private Map<String, List<String>> missing(Outcome outcome) throws SQLException {
        var missing = new LinkedHashMap<String, List<String>>();
        try (var db = cluster.connect("medkarta")) {
            missing.put(
                    "bookings",
                    Journey.absent(
                            db, "scheduling_appointment", outcome.bookings().keySet()));
            missing.put(
                    "chat messages",
                    Journey.absent(
                            db, "conversation_message", outcome.messages().keySet()));
            missing.put(
                    "grants",
                    Journey.absent(db, "access_grant", outcome.grants().keySet()));
        }
        missing.values().removeIf(List::isEmpty);
        return missing;
    }

    /** Anything written twice: a slot booked by two live appointments, a message text or a grant twice. */
    private Map<String, Integer> duplicates() throws SQLException {
        var found = new LinkedHashMap<String, Integer>();
        try (var db = cluster.connect("medkarta")) {
            found.put(
                    "slots with two live appointments",
                    Journey.count(
                            db,
                            "SELECT count(*) FROM (SELECT slot_id FROM scheduling_appointment WHERE status <> 'CANCELLED'"
                                    + " GROUP BY slot_id HAVING count(*) > 1) twice"));
            found.put(
                    "chat messages stored twice",
                    Journey.count(
                            db,
                            "SELECT count(*) FROM (SELECT body FROM conversation_message GROUP BY room_id, body"
                                    + " HAVING count(*) > 1) twice"));
            found.put(
                    "grants stored twice",
                    Journey.count(
                            db,
                            "SELECT count(*) FROM (SELECT grantee_phone FROM access_grant WHERE grantee_phone IS NOT NULL"
                                    + " GROUP BY patient_id, grantee_phone HAVING count(*) > 1) twice"));
        }
        found.values().removeIf(n -> n == 0);
        return found;
    }

    record SmsCheck(
            int inOutbox,
            int keysDelivered,
            int requests,
            int keysDeliveredMoreThanOnce,
            int notDelivered,
            int unknownKeys,
            int messagesUnderSeveralKeys,
            int requestsWithoutKey) {

        @Override
        public String toString() {
            return ("SMS: %d in the outbox, %d keys delivered in %d requests (%d keys sent again after a crash,"
                            + " absorbed by the provider's idempotency), %d not delivered, %d unknown keys, %d messages"
                            + " under two keys, %d requests without a key")
                    .formatted(
                            inOutbox,
                            keysDelivered,
                            requests,
                            keysDeliveredMoreThanOnce,
                            notDelivered,
                            unknownKeys,
                            messagesUnderSeveralKeys,
                            requestsWithoutKey);
        }
    }

    /**
     * Every SMS of the outbox reached the provider, under its own key; the provider never saw a key
     * the outbox does not hold, nor one message (recipient and text) under two keys.
     */
    /** The words of the owner's grant-confirmation SMS (access.sms.confirm-grant). */
    private static final String CONFIRM_GRANT = "подтверждение доступа к медкарте";

    private SmsCheck smsCheck(Load load) throws SQLException {
        var outbox = new HashMap<String, String>();
        try (var db = cluster.connect("medkarta");
                var query = db.prepareStatement(
                        "SELECT idempotency_key, status FROM notification_outbox WHERE channel = 'SMS'");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                outbox.put(rows.getString(1), rows.getString(2));
            }
        }
        var byKey = sms.byKey();
        int notDelivered = (int)
                outbox.keySet().stream().filter(key -> !byKey.containsKey(key)).count();
        int unknown = (int)
                byKey.keySet().stream().filter(key -> !outbox.containsKey(key)).count();
        int again =
                (int) byKey.values().stream().filter(list -> list.size() > 1).count();
        var keysOfMessage = new HashMap<String, Set<String>>();
        // A grant's confirmation code is random (six digits): two grants of one owner may draw the same
        // code, so their texts say nothing. Those are counted instead: one SMS per grant, no more.
        byKey.forEach((key, bodies) -> {
            if (!bodies.get(0).contains(CONFIRM_GRANT)) {
                keysOfMessage
                        .computeIfAbsent(bodies.get(0), body -> new HashSet<>())
                        .add(key);
            }
        });
        int several = (int)
                keysOfMessage.values().stream().filter(keys -> keys.size() > 1).count();
        try (var db = cluster.connect("medkarta")) {
            for (var patient : load.patients) {
                int codes = Journey.count(
                        db,
                        "SELECT count(*) FROM notification_outbox WHERE channel = 'SMS' AND recipient = '"
                                + patient.phone() + "' AND body LIKE '%" + CONFIRM_GRANT + "%'");
                int grants = Journey.count(
                        db, "SELECT count(*) FROM access_grant WHERE patient_id = '" + patient.patientId() + "'");
                if (codes > grants) {
                    System.out.printf(
                            "[reliability] %s: %d grant codes for %d grants%n", patient.phone(), codes, grants);
                    several += codes - grants;
                }
            }
        }
        keysOfMessage.forEach((body, keys) -> {
            if (keys.size() > 1) {
                System.out.printf("[reliability] one message under keys %s: %s%n", keys, body);
            }
        });
        int requests = byKey.values().stream().mapToInt(List::size).sum();
        return new SmsCheck(
                outbox.size(), byKey.size(), requests, again, notDelivered, unknown, several, sms.withoutKey.get());
    }

    // ------------------------------------------------------------------ HTTP

    private static void pause(int seconds) {
        pauseMillis(seconds * 1000L);
    }

    static void pauseMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the machinery

    /** A PostgreSQL cluster of the test's own: initdb in a temporary folder, a free port, its own sockets. */
    static final class Cluster {

        static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

        final Path folder;
        final Path bin;
        final int port;

        private Cluster(Path folder, Path bin, int port) {
            this.folder = folder;
            this.bin = bin;
            this.port = port;
        }

        static Cluster start() throws Exception {
            Path bin;
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                        .max(Comparator.comparing(candidate -> Integer.parseInt(
                                candidate.getParent().getFileName().toString())))
                        .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
            }
            var folder = Files.createTempDirectory("medkarta-crash-pg");
            Files.createDirectories(folder.resolve("sockets"));
            var cluster = new Cluster(folder, bin, freePort());
            if (AS_ROOT) {
                // PostgreSQL refuses to run as root: the cluster belongs to the machine's postgres user.
                var chown = new ProcessBuilder("chown", "-R", "postgres:postgres", folder.toString())
                        .inheritIO()
                        .start();
                if (chown.waitFor() != 0) {
                    throw new IllegalStateException("chown of " + folder + " failed");
                }
            }
            cluster.run("initdb", "-D", cluster.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
            Files.writeString(
                    folder.resolve("data/postgresql.auto.conf"),
                    "listen_addresses = '127.0.0.1'\nport = " + cluster.port + "\nunix_socket_directories = '"
                            + folder.resolve("sockets") + "'\nmax_connections = 60\nshared_buffers = '64MB'\n",
                    java.nio.file.StandardOpenOption.APPEND);
            cluster.startAgain();
            return cluster;
        }

        String data() {
            return folder.resolve("data").toString();
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database), "postgres", "");
        }

        void createDatabase(String name) throws SQLException {
            sql("CREATE DATABASE " + name);
        }

        void sql(String statement) throws SQLException {
            try (var db = connect("postgres");
                    var sql = db.createStatement()) {
                sql.execute(statement);
            }
        }

        void startAgain() throws Exception {
            run("pg_ctl", "-D", data(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60", "start");
        }

        /** A planned restart: fast shutdown (open sessions are ended, everything committed is kept). */
        void restartFast() throws Exception {
            run(
                    "pg_ctl",
                    "-D",
                    data(),
                    "-l",
                    folder.resolve("server.log").toString(),
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    "60",
                    "restart");
        }

        /** A crash: immediate shutdown, every process quits at once, recovery at the next start. */
        void crash() throws Exception {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop");
        }

        void remove() {
            try {
                run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop");
            } catch (Exception alreadyStopped) {
                // Nothing to stop.
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A temporary folder: the system cleans it eventually.
            }
        }

        private void run(String tool, String... arguments) throws Exception {
            var command = new ArrayList<String>();
            if (AS_ROOT) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(bin.resolve(tool).toString());
            command.addAll(Arrays.asList(arguments));
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve(tool + ".out").toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " failed: " + Files.readString(folder.resolve(tool + ".out")));
            }
        }
    }

    /** An SMS provider speaking the HTTP gateway's protocol, recording each request's body by its key. */
    static final class SmsProvider {

        final HttpServer server;
        final Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
        final AtomicInteger withoutKey = new AtomicInteger();

        private SmsProvider(HttpServer server) {
            this.server = server;
        }

        static SmsProvider start() throws IOException {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            var provider = new SmsProvider(server);
            server.createContext("/sms", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if (key == null) {
                    provider.withoutKey.incrementAndGet();
                    key = "none-" + UUID.randomUUID();
                }
                provider.deliveries
                        .computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                        .add(body);
                byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.start();
            return provider;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
        }

        Map<String, List<String>> byKey() {
            return Map.copyOf(deliveries);
        }

        /** The texts sent to a phone, in no particular order. */
        List<String> to(String phone) {
            var texts = new ArrayList<String>();
            for (var bodies : deliveries.values()) {
                var message = JSON.readTree(bodies.get(0));
                if (phone.equals(message.path("to").asString(""))) {
                    texts.add(message.path("text").asString(""));
                }
            }
            return texts;
        }

        /** Waits until a phone has {@code count} texts; the newest one (by code position: any new one). */
        String await(String phone, int count, Duration within) {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                var texts = to(phone);
                if (texts.size() >= count) {
                    return String.join("\n", texts);
                }
                pauseMillis(100);
            }
            throw new AssertionError("no SMS to " + phone + " within " + within);
        }

        void stop() {
            server.stop(0);
        }
    }

    /** The app as a separate JVM, killed with SIGKILL and started again on the same port. */
    static final class App {

        private final Cluster cluster;
        private final SmsProvider sms;
        final int port = freePort();
        private final Path log;
        private final List<String> settings;
        private Process process;
        private int starts;

        /** @param settings further {@code --key=value} arguments of this app (a second node's broker) */
        App(Cluster cluster, SmsProvider sms, String... settings) throws IOException {
            this.cluster = cluster;
            this.sms = sms;
            this.settings = List.of(settings);
            this.log = Files.createDirectories(Path.of("target", "crash")).resolve("app-" + port + ".log");
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws Exception {
            launch();
            awaitReady();
        }

        /** Starts the JVM without waiting for it: several nodes start side by side. */
        void launch() throws IOException {
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classPath(),
                    "org.medkarta.MedkartaApplication",
                    "--server.port=" + port,
                    "--spring.datasource.url=" + cluster.url("medkarta"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=12",
                    "--spring.datasource.hikari.connection-timeout=5000",
                    "--medkarta.notification.sms.gateway=http",
                    "--medkarta.notification.sms.http.url=" + sms.url(),
                    "--medkarta.notification.sms.http.timeout=5s",
                    "--medkarta.notification.dispatch.poll-interval=500ms",
                    "--medkarta.notification.dispatch.first-retry-delay=1s",
                    "--medkarta.notification.dispatch.max-retry-delay=2s",
                    "--medkarta.notification.dispatch.max-attempts=50",
                    "--spring.main.banner-mode=off"));
            command.addAll(settings);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            starts++;
        }

        /** Waits until the node answers ready (its database migrated, its listeners up). */
        void awaitReady() throws Exception {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            // Eight minutes: a start takes about 30 s of CPU, and a shared machine under a load of 35
            // (seen here, two nodes starting side by side) gives each JVM a sixth of a core.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(480);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited at start " + starts + "; see " + log);
                }
                try {
                    var health = client.send(
                            HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                }
                pauseMillis(250);
            }
            throw new IllegalStateException("the app did not become ready; see " + log);
        }

        /** SIGKILL: no shutdown hook, no graceful stop, as when a machine loses power. */
        void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The run's class path without the test classes: the real app with its real configuration. */
        private static String classPath() {
            String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return Arrays.stream(full.split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                    .reduce((a, b) -> a + File.pathSeparator + b)
                    .orElseThrow();
        }
    }
}
