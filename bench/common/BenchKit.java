import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the benchmark drivers share: the ids the SQL generators make, genuine access tokens for
 * generated patients, latency percentiles and CPU shares. Compiled with each driver by its run
 * script ({@code javac -d … Driver.java ../common/BenchKit.java}).
 */
final class BenchKit {

    private BenchKit() {}

    /** md5(text)::uuid, as the generate.sql scripts make the ids. */
    static String uuid(String text) {
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An RS256 access token for generated patient {@code n}, with the claims the app's own tokens (the
     * audience is {@code medkarta.identity.jwt.audience}'s default, which the app requires)
     * carry, signed with the key the app was started with.
     */
    static String patientToken(PrivateKey key, long n, long now) {
        try {
            var url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
            String claims = "{\"iss\":\"https://medkarta.org\",\"aud\":[\"medkarta-api\"],\"jti\":\"" + java.util.UUID.randomUUID()
                    + "\",\"sub\":\"" + uuid("patient-user" + n) + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                    + ",\"name\":\"Пётр Пациентов" + n
                    + "\",\"method\":\"SMS_CODE\",\"roles\":[\"PATIENT\"],\"pid\":\"" + uuid("patient" + n) + "\"}";
            String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An RS256 access token for a staff account {@code user} holding {@code roles} (claims as the app
     * writes them: {@code ROLE} or {@code ROLE@clinic-uuid}), signed with the key the app was started
     * with, like {@link #patientToken}.
     */
    static String staffToken(PrivateKey key, String user, String name, java.util.List<String> roles, long now) {
        try {
            var url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
            String claims = "{\"iss\":\"https://medkarta.org\",\"aud\":[\"medkarta-api\"],\"jti\":\""
                    + java.util.UUID.randomUUID() + "\",\"sub\":\"" + user + "\",\"iat\":" + now + ",\"exp\":"
                    + (now + 3600) + ",\"name\":\"" + name + "\",\"method\":\"PASSWORD\",\"roles\":["
                    + String.join(",", roles.stream().map(role -> "\"" + role + "\"").toList()) + "]}";
            String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Latencies in nanoseconds, kept whole (a run has at most a few hundred thousand). */
    static final class Recorder {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        /** The p-th percentile in milliseconds. */
        synchronized double percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
        }
    }

    /**
     * Drives one of the two load models every benchmark uses until {@code deadline} (System.nanoTime):
     * closed, {@code load} users each asking again as soon as answered (throughput at saturation), or
     * open, arrivals at {@code load} per second each on a thread of its own, whether or not earlier
     * ones were answered (latency at a given rate). An open run waits up to two minutes for the
     * requests still under way.
     */
    static void drive(boolean closed, double load, long deadline, Runnable request) throws InterruptedException {
        if (closed) {
            int users = (int) load;
            var done = new java.util.concurrent.CountDownLatch(users);
            for (int i = 0; i < users; i++) {
                new Thread(() -> {
                            while (System.nanoTime() < deadline) {
                                request.run();
                            }
                            done.countDown();
                        })
                        .start();
            }
            done.await();
            return;
        }
        var users = java.util.concurrent.Executors.newCachedThreadPool();
        long interval = (long) (1e9 / load);
        long next = System.nanoTime();
        while (next < deadline) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            }
            users.execute(request);
            next += interval;
        }
        users.shutdown();
        users.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** This process's CPU time and the whole machine's busy time over the run, as shares of its capacity. */
    static final class Cpu {
        private final long processStart = processNanos();
        private final long[] machineStart = machine();
        private final long wallStart = System.nanoTime();

        double[] done() {
            double wall = (System.nanoTime() - wallStart) / 1e9 * Runtime.getRuntime().availableProcessors();
            double process = (processNanos() - processStart) / 1e9 / wall;
            long[] machineEnd = machine();
            long total = machineEnd[0] - machineStart[0];
            long idle = machineEnd[1] - machineStart[1];
            return new double[] {process, total == 0 ? 0 : (double) (total - idle) / total};
        }

        private static long processNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** Total and idle jiffies from /proc/stat. */
        private static long[] machine() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
            } catch (Exception e) {
                return new long[] {0, 0};
            }
        }
    }
}
