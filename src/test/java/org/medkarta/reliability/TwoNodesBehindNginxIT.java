package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medkarta.reliability.ApiClient.expect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medkarta.reliability.CrashIT.App;
import org.medkarta.reliability.CrashIT.Cluster;
import org.medkarta.reliability.CrashIT.SmsProvider;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * Two app nodes (separate JVMs) on one PostgreSQL and the machine's RabbitMQ STOMP relay, behind
 * Debian's nginx with {@code deploy/nginx/medkarta.conf} (TLS, WebSocket upgrade) on loopback. A
 * patient signs in by code through the proxy, books, the doctor takes the consultation, and the two
 * chat over WebSocket while connected to different nodes; then a stream of bookings and chat
 * messages runs and the doctor's node is killed with SIGKILL in its middle. The journey goes on
 * with the same tokens through the node that lives (the doctor's socket reconnects through the
 * proxy); afterwards no confirmed booking is missing, every confirmed message is stored once and
 * reached the patient's socket once, and every SMS of the outbox reached the provider under its own
 * idempotency key (one in flight at the kill is sent again under the same key, for the provider to
 * deduplicate, so the phone gets it once). Needs {@code
 * MEDKARTA_TEST_STOMP_RELAY} and nginx ({@code .ci/run} provides both); skipped without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesBehindNginxIT {

    static final String RELAY = System.getenv("MEDKARTA_TEST_STOMP_RELAY");
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    Cluster cluster;
    SmsProvider sms;
    App node1;
    App node2;
    Process nginx;
    Path work;
    int httpsPort;
    SSLContext tls;
    ApiClient api;
    Journey journey;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RELAY != null && !RELAY.isBlank(), "MEDKARTA_TEST_STOMP_RELAY names no STOMP broker");
        assumeTrue(Files.isExecutable(NGINX), "no nginx at " + NGINX);
        String[] relay = {
            "--medkarta.conversation.broker.relay=true",
            "--medkarta.conversation.broker.relay-host=" + RELAY.substring(0, RELAY.lastIndexOf(':')),
            "--medkarta.conversation.broker.relay-port=" + RELAY.substring(RELAY.lastIndexOf(':') + 1)
        };
        cluster = Cluster.start();
        cluster.createDatabase("medkarta");
        sms = SmsProvider.start();
        node1 = new App(cluster, sms, relay);
        // Side by side (the start dominates the test's time): the second node waits for the first's
        // migrations (Flyway's lock) and leaves the demo data to it.
        node2 = new App(cluster, sms, withDemoDataOff(relay));
        node1.launch();
        node2.launch();
        node1.awaitReady();
        node2.awaitReady();
        startNginx();
        journey = new Journey(api, sms);
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (App node : new App[] {node1, node2}) {
            if (node != null) {
                node.kill();
            }
        }
        if (sms != null) {
            sms.stop();
        }
        if (cluster != null) {
            cluster.remove();
        }
    }

    @Test
    void theJourneyGoesOnThroughTheLivingNodeWithNothingLostOrDuplicated() throws Exception {
        String doctor = journey.staff("doctor@demo.medkarta.org", "Demo-doctor-1");
        var patients = new ArrayList<CrashIT.Patient>();
        for (int i = 0; i < 3; i++) {
            patients.add(journey.patient("Узлова", "Пациентка", "1990-03-0" + (1 + i)));
        }
        var chatter = patients.get(0);
        String consultation = consultation(doctor, chatter);

        // The doctor's and the patient's sockets on different nodes (nginx takes turns; the
        // nodes' STOMP session gauges tell which node took which).
        var doctorSocket = Socket.open(this, doctor, consultation);
        App doctorNode = nodeWithSessions(1, null);
        Socket patientSocket = null;
        for (int attempt = 0; attempt < 6 && patientSocket == null; attempt++) {
            var candidate = Socket.open(this, chatter.token(), consultation);
            if (nodeWithSessions(1, doctorNode) != null) {
                patientSocket = candidate;
            } else {
                candidate.close();
                CrashIT.pauseMillis(300);
            }
        }
        assertThat(patientSocket).as("the patient's socket on the other node").isNotNull();
        String hello = "Здравствуйте, " + UUID.randomUUID();
        expect(201, journey.post(doctor, "/api/v1/consultations/" + consultation + "/messages", Map.of("text", hello)));
        assertThat(patientSocket.await(Set.of(hello), Duration.ofSeconds(15)))
                .as("the doctor's message reached the patient on the other node")
                .isEmpty();

        // The stream: bookings by the other patients, messages both ways; the doctor's node dies in it.
        var offers = new CopyOnWriteArrayList<>(offers(chatter.token()));
        var confirmedBookings = new ConcurrentHashMap<String, String>();
        var confirmedMessages = new ConcurrentHashMap<String, String>();
        var requests = new AtomicInteger();
        var failures = new AtomicInteger();
        var refused = new AtomicInteger();
        var running = new AtomicBoolean(true);
        var workers = new ArrayList<Thread>();
        for (var patient : patients.subList(1, patients.size())) {
            workers.add(started(() -> {
                while (running.get() && !offers.isEmpty()) {
                    var offer = offers.remove(0);
                    requests.incrementAndGet();
                    try {
                        var answer = journey.post(
                                patient.token(),
                                "/api/v1/appointments",
                                Map.of(
                                        "slotId", offer.slotId(),
                                        "serviceId", offer.serviceId(),
                                        "acceptClinicDocuments", true));
                        if (answer.statusCode() == 201) {
                            confirmedBookings.put(
                                    CrashIT.JSON
                                            .readTree(answer.body())
                                            .get("id")
                                            .asString(),
                                    patient.patientId());
                        } else if (answer.statusCode() < 500) {
                            refused.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException lost) {
                        failures.incrementAndGet();
                    }
                    CrashIT.pauseMillis(100);
                }
            }));
        }
        var senders = List.of(doctor, chatter.token());
        workers.add(started(() -> {
            for (int n = 0; running.get(); n++) {
                String text = "Сообщение " + n + " " + UUID.randomUUID();
                requests.incrementAndGet();
                try {
                    var answer = journey.post(
                            senders.get(n % 2),
                            "/api/v1/consultations/" + consultation + "/messages",
                            Map.of("text", text));
                    if (answer.statusCode() == 201) {
                        confirmedMessages.put(
                                CrashIT.JSON.readTree(answer.body()).get("id").asString(), text);
                    } else if (answer.statusCode() < 500) {
                        refused.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                } catch (IOException lost) {
                    failures.incrementAndGet();
                }
                CrashIT.pauseMillis(100);
            }
        }));
        CrashIT.pauseMillis(4000);
        int beforeKill = requests.get();
        doctorNode.kill();
        CrashIT.pauseMillis(1000);
        doctorSocket.close();
        doctorSocket = Socket.open(this, doctor, consultation);
        CrashIT.pauseMillis(5000);
        running.set(false);
        for (var worker : workers) {
            worker.join(30_000);
        }
        // After the switch: the same tokens still work through the proxy, no new sign-in.
        expect(200, journey.get(chatter.token(), "/api/v1/me"));
        expect(200, journey.get(doctor, "/api/v1/me"));
        String last = "После переключения " + UUID.randomUUID();
        expect(
                201,
                journey.post(
                        chatter.token(), "/api/v1/consultations/" + consultation + "/messages", Map.of("text", last)));
        assertThat(doctorSocket.await(Set.of(last), Duration.ofSeconds(15)))
                .as("the doctor's new socket hears the patient")
                .isEmpty();

        Journey.awaitOutboxDrained(cluster, Duration.ofSeconds(90));
        var texts = Set.copyOf(confirmedMessages.values());
        var notReceived = patientSocket.await(texts, Duration.ofSeconds(15));
        var receivedTwice = patientSocket.receivedMoreThanOnce(texts);
        List<String> missingBookings;
        int storedTwice;
        try (var db = cluster.connect("medkarta")) {
            missingBookings = Journey.absent(db, "scheduling_appointment", confirmedBookings.keySet());
            var missingMessages = Journey.absent(db, "conversation_message", confirmedMessages.keySet());
            assertThat(missingMessages).as("confirmed messages missing").isEmpty();
            storedTwice = Journey.count(
                    db,
                    "SELECT count(*) FROM (SELECT body FROM conversation_message GROUP BY room_id, body"
                            + " HAVING count(*) > 1) twice");
        }
        var outbox = smsOutbox();
        var byKey = sms.byKey();
        long notSent = outbox.stream().filter(key -> !byKey.containsKey(key)).count();
        // A node killed after the gateway accepted an SMS but before its SENT mark committed leaves the
        // message pending, and the other node sends it again under the same idempotency key, which the
        // provider deduplicates (Dispatcher; CrashIT counts the same way): the phone gets it once. What
        // must never happen is the same key carrying another text, or a message under a second key.
        long sentAgain =
                byKey.values().stream().filter(bodies -> bodies.size() > 1).count();
        long keyWithAnotherText = byKey.values().stream()
                .filter(bodies -> bodies.stream().distinct().count() > 1)
                .count();
        long unknownKeys =
                byKey.keySet().stream().filter(key -> !outbox.contains(key)).count();
        System.out.printf(
                "[reliability] two nodes behind nginx, one killed: %d requests (%d before the kill), %d failed"
                        + " for the client (5xx or no answer), %d refused (4xx); %d bookings and %d messages confirmed; lost: %d bookings, %d messages"
                        + " not received by the patient; duplicated: %d stored, %d received twice; SMS: %d in the"
                        + " outbox, %d not sent, %d sent again under their own key (deduplicated by the provider),"
                        + " %d keys with another text, %d unknown%n",
                requests.get(),
                beforeKill,
                failures.get(),
                refused.get(),
                confirmedBookings.size(),
                confirmedMessages.size(),
                missingBookings.size(),
                notReceived.size(),
                storedTwice,
                receivedTwice.size(),
                outbox.size(),
                notSent,
                sentAgain,
                keyWithAnotherText,
                unknownKeys);
        patientSocket.close();
        doctorSocket.close();

        assertThat(confirmedBookings).isNotEmpty();
        assertThat(confirmedMessages).isNotEmpty();
        assertThat(missingBookings).isEmpty();
        assertThat(notReceived).isEmpty();
        assertThat(storedTwice).isZero();
        assertThat(receivedTwice).isEmpty();
        assertThat(notSent).isZero();
        assertThat(keyWithAnotherText).isZero();
        assertThat(unknownKeys).isZero();
    }

    private static String[] withDemoDataOff(String[] settings) {
        var all = new ArrayList<>(List.of(settings));
        all.add("--medkarta.demo.enabled=false");
        return all.toArray(String[]::new);
    }

    private static Thread started(Runnable work) {
        var thread = new Thread(work);
        thread.start();
        return thread;
    }

    // ------------------------------------------------------------------ the journey

    /** The patient books a chat slot starting soon, the doctor takes it into work. */
    private String consultation(String doctor, CrashIT.Patient patient) throws Exception {
        var slots = CrashIT.JSON.readTree(expect(
                        200,
                        journey.get(
                                patient.token(),
                                "/api/v1/slots?specialty=therapist&size=500&from="
                                        + Instant.now().plus(Duration.ofMinutes(30)) + "&to="
                                        + Instant.now().plus(Duration.ofDays(14))))
                .body());
        JsonNode chat = null;
        for (JsonNode slot : slots) {
            if (slot.get("format").asString().equals("CHAT")) {
                chat = slot;
                break;
            }
        }
        assertThat(chat).as("a chat slot of the demo therapist").isNotNull();
        String doctorId = chat.get("doctorId").asString();
        String service = chat.get("serviceId").asString();
        var soon = journey.chatSlotsStartingSoon(cluster, doctor, doctorId, service, patient.token(), 1);
        assertThat(soon).as("a chat slot starting within 12 minutes").isNotEmpty();
        String consultation = journey.room(doctor, soon.get(0), patient).consultationId();
        return consultation;
    }

    private List<CrashIT.Offer> offers(String token) throws IOException {
        Instant from = Instant.now().plus(Duration.ofHours(3));
        var slots = CrashIT.JSON.readTree(expect(
                        200,
                        journey.get(
                                token,
                                "/api/v1/slots?specialty=therapist&size=300&from=" + from + "&to="
                                        + from.plus(Duration.ofDays(12))))
                .body());
        var offers = new ArrayList<CrashIT.Offer>();
        var seen = new java.util.HashSet<String>();
        for (JsonNode slot : slots) {
            // A slot is listed once per service it offers: each is tried once.
            if (!slot.get("format").asString().equals("IN_PERSON")
                    && seen.add(slot.get("id").asString())) {
                offers.add(new CrashIT.Offer(
                        slot.get("id").asString(), slot.get("serviceId").asString()));
            }
        }
        java.util.Collections.shuffle(offers);
        return offers;
    }

    /** The node whose STOMP session gauge reads {@code sessions}, other than {@code except}; null if none. */
    private App nodeWithSessions(int sessions, App except) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            for (App node : new App[] {node1, node2}) {
                if (node != except && stompSessions(node) == sessions) {
                    return node;
                }
            }
            CrashIT.pauseMillis(100);
        }
        return null;
    }

    private int stompSessions(App node) throws Exception {
        var metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(node.base() + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("medkarta_stomp_sessions"))
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    // ------------------------------------------------------------------ nginx

    private void startNginx() throws Exception {
        work = Files.createTempDirectory("medkarta-nginx");
        Files.createDirectories(work.resolve("tls"));
        Files.createDirectories(work.resolve("logs"));
        var openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        work.resolve("tls/medkarta.key").toString(),
                        "-out",
                        work.resolve("tls/medkarta.crt").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("openssl.out").toFile())
                .start();
        assertThat(openssl.waitFor()).isZero();
        httpsPort = CrashIT.freePort();
        String site = Files.readString(Path.of("deploy/nginx/medkarta.conf"))
                .replace("server node1:8080", "server 127.0.0.1:" + node1.port)
                .replace("server node2:8080", "server 127.0.0.1:" + node2.port)
                .replace("listen 80;", "listen 127.0.0.1:" + CrashIT.freePort() + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl;")
                .replace("/etc/nginx/tls/", work.resolve("tls") + "/")
                .replace("access_log /dev/stdout", "access_log " + work.resolve("logs/access.log"));
        site = site.lines().filter(line -> !line.contains("listen [::]")).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(work.resolve("medkarta.conf"), site);
        Files.writeString(work.resolve("nginx.conf"), (Cluster.AS_ROOT ? "user root;\n" : "") + """
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events {}
                http {
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    include %1$s/medkarta.conf;
                }
                """.formatted(work));
        nginx = new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        work.toString(),
                        "-c",
                        work.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/nginx.out").toFile())
                .start();
        var certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(work.resolve("tls/medkarta.crt"))));
        var trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("proxy", certificate);
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        api = new ApiClient(
                HttpClient.newBuilder()
                        .sslContext(tls)
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build(),
                this::proxy,
                Duration.ofSeconds(20));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (api.get(null, "/sign-in").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(
                            "nginx does not answer: " + Files.readString(work.resolve("logs/nginx.out")), notYet);
                }
            }
            CrashIT.pauseMillis(200);
        }
    }

    String proxy() {
        return "https://127.0.0.1:" + httpsPort;
    }

    // ------------------------------------------------------------------ a STOMP client through the proxy

    /** A WebSocket (STOMP) client on the room's topic through the proxy, counting each message text it hears. */
    static final class Socket implements AutoCloseable {

        /** The room's frames this socket received, read marks left out. */
        final List<String> frames = new CopyOnWriteArrayList<>();

        private final WebSocketStompClient client;
        private final StompSession session;

        private Socket(WebSocketStompClient client, StompSession session) {
            this.client = client;
            this.session = session;
        }

        static Socket open(TwoNodesBehindNginxIT test, String token, String consultation) throws Exception {
            var transport = new StandardWebSocketClient();
            transport.setSslContext(test.tls);
            var client = new WebSocketStompClient(transport);
            client.setMessageConverter(new StringMessageConverter() {
                {
                    addSupportedMimeTypes(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
                }
            });
            var headers = new StompHeaders();
            headers.add("Authorization", "Bearer " + token);
            var session = client.connectAsync(
                            "wss://127.0.0.1:" + test.httpsPort + "/ws",
                            new WebSocketHttpHeaders(),
                            headers,
                            new StompSessionHandlerAdapter() {})
                    .get(15, TimeUnit.SECONDS);
            var socket = new Socket(client, session);
            session.subscribe("/topic/rooms." + consultation, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders frame) {
                    return String.class;
                }

                @Override
                public void handleFrame(StompHeaders frame, Object payload) {
                    var body = CrashIT.JSON.readTree((String) payload);
                    if (!"read".equals(body.path("kind").asString(""))) {
                        socket.frames.add((String) payload);
                    }
                }
            });
            CrashIT.pauseMillis(500);
            return socket;
        }

        /** Waits until every text was heard; returns those that were not. */
        List<String> await(Set<String> texts, Duration within) {
            long until = System.nanoTime() + within.toNanos();
            while (true) {
                var missing = texts.stream()
                        .filter(text -> frames.stream().noneMatch(frame -> frame.contains(text)))
                        .sorted()
                        .toList();
                if (missing.isEmpty() || System.nanoTime() > until) {
                    return missing;
                }
                CrashIT.pauseMillis(100);
            }
        }

        List<String> receivedMoreThanOnce(Set<String> texts) {
            return texts.stream()
                    .filter(text -> frames.stream()
                                    .filter(frame -> frame.contains(text))
                                    .count()
                            > 1)
                    .sorted()
                    .toList();
        }

        @Override
        public void close() {
            try {
                if (session.isConnected()) {
                    session.disconnect();
                }
            } catch (RuntimeException alreadyGone) {
                // The node died under it.
            }
            client.stop();
        }
    }

    // ------------------------------------------------------------------ the checks

    private Set<String> smsOutbox() throws Exception {
        var keys = new java.util.HashSet<String>();
        try (var db = cluster.connect("medkarta");
                var query =
                        db.prepareStatement("SELECT idempotency_key FROM notification_outbox WHERE channel = 'SMS'");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------ HTTP through the proxy

}
