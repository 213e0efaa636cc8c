package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.WebClientSupport;

/**
 * Huge, malformed and slow requests are answered with a clear 4xx quickly (a ProblemDetail where
 * the app itself answers) and hold no server thread or connection for long: while fifty clients
 * dribble bodies a byte a second, other requests still answer within a second. Each request is
 * written on a raw socket, so the test controls every byte and its timing.
 */
class SlowAndHugeRequestsIT extends WebClientSupport {

    /** {@code medkarta.web.requests.body-timeout} in the default configuration. */
    static final long BODY_TIMEOUT_MILLIS = 10_000;

    private ExecutorService pool;

    @BeforeEach
    void threadsAndAWarmErrorPage() throws Exception {
        pool = Executors.newCachedThreadPool();
        // The first error page of a context compiles its templates: measured times are the requests'.
        exchange(head("GET", "/no-such-page"), new byte[0], 0);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void aJsonBodyDeclaredLargerThanTwoMegabytesIsRefusedWith413BeforeItIsRead() throws Exception {
        byte[] body = jsonOfSize(3 * 1024 * 1024);

        var answer = exchange(
                head("POST", "/api/v1/auth/login", "Content-Type: application/json", "Content-Length: " + body.length),
                body,
                0);

        print("3 MB JSON body", answer);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text()).contains("https://medkarta.org/problems/payload-too-large");
        assertThat(answer.millis()).isLessThan(3_000);
    }

    @Test
    void aChunkedJsonBodyOverTwoMegabytesIsCutWith413WhileItIsRead() throws Exception {
        byte[] json = jsonOfSize(3 * 1024 * 1024);
        var chunked = new ByteArrayOutputStream();
        for (int at = 0; at < json.length; at += 65_536) {
            int length = Math.min(65_536, json.length - at);
            chunked.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(json, at, length);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        var answer = exchange(
                head("POST", "/api/v1/auth/login", "Content-Type: application/json", "Transfer-Encoding: chunked"),
                chunked.toByteArray(),
                0);

        print("3 MB chunked JSON body", answer);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text()).contains("https://medkarta.org/problems/payload-too-large");
        assertThat(answer.millis()).isLessThan(5_000);
    }

    @Test
    void aJsonArrayNestedAHundredThousandDeepIsAMalformedRequest() throws Exception {
        byte[] body = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);

        var answer = exchange(
                head("POST", "/api/v1/auth/login", "Content-Type: application/json", "Content-Length: " + body.length),
                body,
                0);

        print("100,000 nested arrays", answer);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("https://medkarta.org/problems/malformed-request");
        assertNoInternals(answer);
        assertThat(answer.millis()).isLessThan(3_000);
    }

    @Test
    void tenThousandQueryParametersAreRefusedWith4xx() throws Exception {
        var query = new StringBuilder("/api/v1/specialties?");
        for (int i = 0; i < 10_000; i++) {
            query.append(i == 0 ? "" : "&").append('p').append(i).append("=1");
        }

        var answer = exchange(head("GET", query.toString()), new byte[0], 0);

        print("10,000 query parameters", answer);
        assertThat(answer.status()).isIn(400, 414, 431);
        assertNoInternals(answer);
        assertThat(answer.millis()).isLessThan(3_000);
    }

    @Test
    void tenThousandFormParametersOnAPageAreRefusedWith400() throws Exception {
        var form = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            form.append(i == 0 ? "" : "&").append('p').append(i).append("=1");
        }
        byte[] body = form.toString().getBytes(StandardCharsets.US_ASCII);

        var answer = exchange(
                head(
                        "POST",
                        "/staff/sign-in",
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + body.length),
                body,
                0);

        print("10,000 form parameters", answer);
        assertThat(answer.status()).isBetween(400, 499);
        assertNoInternals(answer);
        assertThat(answer.millis()).isLessThan(3_000);
    }

    @Test
    void aHeaderOfSixtyFourKilobytesIsRefusedWith4xx() throws Exception {
        var answer =
                exchange(head("GET", "/api/v1/specialties", "X-Padding: " + "a".repeat(64 * 1024)), new byte[0], 0);

        print("64 KB header", answer);
        assertThat(answer.status()).isIn(400, 431);
        assertNoInternals(answer);
        assertThat(answer.millis()).isLessThan(3_000);
    }

    @Test
    void aBodyDribbledAByteASecondIsCutWith408AfterTheBodyTimeout() throws Exception {
        byte[] body =
                "{\"email\":\"slow@example.org\",\"password\":\"Slow-password-1\"}".getBytes(StandardCharsets.US_ASCII);

        var answer = exchange(
                head("POST", "/api/v1/auth/login", "Content-Type: application/json", "Content-Length: " + body.length),
                body,
                1_000);

        print("a body a byte a second", answer);
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.text()).contains("https://medkarta.org/problems/request-timeout");
        assertThat(answer.millis()).isBetween(BODY_TIMEOUT_MILLIS - 1_000, BODY_TIMEOUT_MILLIS + 3_000);
    }

    @Test
    void whileFiftySlowBodiesAreHeldOpenOtherRequestsAnswerWithinASecond() throws Exception {
        byte[] body =
                "{\"email\":\"slow@example.org\",\"password\":\"Slow-password-1\"}".getBytes(StandardCharsets.US_ASCII);
        var slow = new ArrayList<CompletableFuture<Answer>>();
        for (int i = 0; i < 50; i++) {
            slow.add(CompletableFuture.supplyAsync(
                    () -> exchangeQuietly(
                            head(
                                    "POST",
                                    "/api/v1/auth/login",
                                    "Content-Type: application/json",
                                    "Content-Length: " + body.length),
                            body,
                            1_000),
                    pool));
        }
        Thread.sleep(1_000);

        var millis = new ArrayList<Long>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BODY_TIMEOUT_MILLIS - 2_000);
        while (System.nanoTime() < until) {
            var normal = exchange(head("GET", "/api/v1/specialties", "Accept: application/json"), new byte[0], 0);
            assertThat(normal.status()).isEqualTo(200);
            millis.add(normal.millis());
        }
        var cut = slow.stream().map(CompletableFuture::join).toList();

        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        long p50 = sorted[sorted.length / 2];
        long p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
        System.out.printf(
                "[reliability] %d normal requests during 50 slow bodies: p50 %d ms, p99 %d ms, max %d ms;"
                        + " slow bodies answered %s%n",
                sorted.length,
                p50,
                p99,
                sorted[sorted.length - 1],
                cut.stream().map(Answer::status).distinct().toList());
        assertThat(sorted.length).isGreaterThan(10);
        assertThat(p99).isLessThan(1_000);
        assertThat(cut).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(408));
    }

    private static void assertNoInternals(Answer answer) {
        assertThat(answer.text()).doesNotContain("Exception", "at org.", "at java.", "Tomcat/", "Apache Tomcat");
    }

    private static void print(String what, Answer answer) {
        System.out.printf("[reliability] %s: %d in %d ms%n", what, answer.status(), answer.millis());
    }

    /** What came back: the status, the head and body as text, and how long until the status arrived. */
    record Answer(int status, String text, long millis) {}

    private static byte[] head(String method, String target, String... headers) {
        var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A JSON object of about {@code size} bytes: a login with a very long e-mail address. */
    private static byte[] jsonOfSize(int size) {
        byte[] padding = new byte[size];
        Arrays.fill(padding, (byte) 'a');
        return ("{\"password\":\"x\",\"email\":\"" + new String(padding, StandardCharsets.US_ASCII) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private Answer exchangeQuietly(byte[] head, byte[] body, long millisPerByte) {
        try {
            return exchange(head, body, millisPerByte);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the head and then the body (all at once, or a byte every {@code millisPerByte}) while
     * another thread reads the answer, so an answer sent before the body ends is seen even when the
     * server then closes the connection under the writer.
     */
    private Answer exchange(byte[] head, byte[] body, long millisPerByte) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            long started = System.nanoTime();
            var statusAt = new long[] {0};
            var reading = CompletableFuture.supplyAsync(() -> readAll(socket, started, statusAt), pool);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                if (millisPerByte == 0) {
                    out.write(body);
                } else {
                    for (byte b : body) {
                        if (reading.isDone()) {
                            break;
                        }
                        out.write(b);
                        out.flush();
                        Thread.sleep(millisPerByte);
                    }
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // The server answered and closed the connection: the answer is read below.
            }
            byte[] answer = reading.get(40, TimeUnit.SECONDS);
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text, TimeUnit.NANOSECONDS.toMillis(statusAt[0] - started));
        }
    }

    private static byte[] readAll(Socket socket, long started, long[] statusAt) {
        var answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int count;
            while ((count = in.read(buffer)) >= 0) {
                if (answer.size() == 0 && count > 0) {
                    statusAt[0] = System.nanoTime();
                }
                answer.write(buffer, 0, count);
            }
        } catch (IOException resetOrTimeout) {
            // What arrived before the reset or the timeout is the answer.
        }
        if (statusAt[0] == 0) {
            statusAt[0] = System.nanoTime();
        }
        return answer.toByteArray();
    }
}
