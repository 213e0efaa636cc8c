package org.medkarta.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Debian's coturn ({@code /usr/bin/turnserver}) on loopback, as {@code deploy/compose} runs it: the
 * TURN REST API ({@code use-auth-secret}) with a fresh shared secret, a free port, a relay port
 * range of its own (several builds share the machine) and its log under {@code target/coturn/}.
 * Loopback peers are allowed only because both browsers of the test are on this machine.
 */
final class Coturn {

    static final Path SERVER = Path.of("/usr/bin/turnserver");

    final int port;
    final String secret;
    final Path log;
    private final Process process;

    private Coturn(int port, String secret, Path log, Process process) {
        this.port = port;
        this.secret = secret;
        this.log = log;
        this.process = process;
    }

    static Coturn start() {
        try {
            int port = freePort();
            String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            int relayFrom = 50_000 + ThreadLocalRandom.current().nextInt(150) * 100;
            Path folder = Files.createDirectories(Path.of("target", "coturn"));
            Path log = folder.resolve("turnserver-" + port + ".log");
            var process = new ProcessBuilder(List.of(
                            SERVER.toString(),
                            "-n",
                            "--listening-ip=127.0.0.1",
                            "--relay-ip=127.0.0.1",
                            "--listening-port=" + port,
                            "--min-port=" + relayFrom,
                            "--max-port=" + (relayFrom + 99),
                            "--use-auth-secret",
                            "--static-auth-secret=" + secret,
                            "--realm=medkarta.test",
                            "--fingerprint",
                            "--no-tls",
                            "--no-dtls",
                            "--no-cli",
                            "--allow-loopback-peers",
                            "--pidfile=" + folder.toAbsolutePath().resolve("turnserver-" + port + ".pid"),
                            "--log-file=stdout",
                            "--simple-log",
                            // The session's user name (<expiry>:<user id>) goes into the log.
                            "--verbose"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var coturn = new Coturn(port, secret, log, process);
            coturn.awaitListening();
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("turnserver exited: " + log());
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("turnserver does not listen on " + port + ": " + log());
    }

    /** A port free for both UDP and TCP (TURN listens on both). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (var udp = new DatagramSocket(0)) {
                int port = udp.getLocalPort();
                try (var tcp = new ServerSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // Try another.
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }
}
