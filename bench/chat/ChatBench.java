// bench/chat driver: STOMP connections one node holds and message delivery latency, with a bare
// WebSocket echo on the same server as the ceiling. JDK only (java.net.http.WebSocket); a STOMP
// client of its own so thousands of connections cost little on the load generator's side.
// Run by bench/chat/run: java bench/chat/ChatBench.java <port> <rooms-file> <server-pid>

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

public class ChatBench {

    static int port;
    static long serverPid;
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

    /** One WebSocket with sends chained, so that at most one is outstanding as the JDK requires. */
    static final class Socket implements WebSocket.Listener {
        WebSocket ws;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        final StringBuilder partial = new StringBuilder();
        Consumer<String> onText = text -> {};
        volatile boolean open;

        static CompletableFuture<Socket> open(String path, Consumer<String> onText) {
            var socket = new Socket();
            socket.onText = onText;
            return HTTP.newWebSocketBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + path), socket)
                    .thenApply(ws -> {
                        socket.ws = ws;
                        socket.open = true;
                        return socket;
                    });
        }

        synchronized void send(String text) {
            last = last.thenCompose(ignored -> ws.sendText(text, true)).exceptionally(e -> null);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            partial.append(data);
            if (lastPart) {
                String text = partial.toString();
                partial.setLength(0);
                onText.accept(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
            open = false;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            open = false;
        }

        void close() {
            if (ws != null) {
                ws.abort();
            }
        }
    }

    static String frame(String command, String body, String... headers) {
        var out = new StringBuilder(command).append('\n');
        for (int i = 0; i < headers.length; i += 2) {
            out.append(headers[i]).append(':').append(headers[i + 1]).append('\n');
        }
        return out.append('\n').append(body).append('\u0000').toString();
    }

    /** Latencies in nanoseconds, kept for percentiles. */
    static final class Latencies {
        final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

        void add(long nanos) {
            values.add(nanos);
        }

        String summary() {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format(
                    "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)",
                    sorted[(int) (sorted.length * 0.50)] / 1e6,
                    sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
                    sorted[sorted.length - 1] / 1e6,
                    sorted.length);
        }
    }

    /** CPU seconds used so far by a process, from /proc. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // no figure
        }
        return -1;
    }

    /** Measures CPU of the server and of this driver over a window, as shares of the whole machine. */
    static final class Cpu {
        final long self = ProcessHandle.current().pid();
        final double server0 = cpuSeconds(serverPid);
        final double self0 = cpuSeconds(self);
        final long t0 = System.nanoTime();

        String summary() {
            double seconds = (System.nanoTime() - t0) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(
                    "CPU of %d cores: server %.0f%%, load generator %.0f%%",
                    cores,
                    100 * (cpuSeconds(serverPid) - server0) / seconds / cores,
                    100 * (cpuSeconds(self) - self0) / seconds / cores);
        }
    }

    record Room(String id, String tokenA, String tokenB) {}

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        List<Room> rooms = Files.readAllLines(Path.of(args[1])).stream()
                .map(line -> line.split(" "))
                .map(parts -> new Room(parts[0], parts[1], parts[2]))
                .toList();
        serverPid = Long.parseLong(args[2]);
        int target = Integer.getInteger("connections", 10_000);
        int seconds = Integer.getInteger("seconds", 15);
        int concurrency = Integer.getInteger("concurrency", 32);

        // Ceiling: a bare WebSocket echo on the same Tomcat, no STOMP, no database.
        var echoSockets = new ArrayList<Socket>();
        var echoLatency = new Latencies();
        var echoCount = new AtomicLong();
        for (int i = 0; i < concurrency; i++) {
            Socket[] self = new Socket[1];
            self[0] = Socket.open("/bench-echo", text -> {
                        long sent = Long.parseLong(text);
                        echoLatency.add(System.nanoTime() - sent);
                        echoCount.incrementAndGet();
                        if (closedLoop) {
                            self[0].send(Long.toString(System.nanoTime()));
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            echoSockets.add(self[0]);
        }
        double echoPeak = closedLoop(echoSockets, echoCount, s -> s.send(Long.toString(System.nanoTime())), seconds);
        echoLatency.values.clear();
        var cpu = new Cpu();
        openLoop(echoSockets.size(), echoPeak / 2, seconds, i -> echoSockets.get(i).send(Long.toString(System.nanoTime())));
        Thread.sleep(1000);
        System.out.printf("ceiling: bare WebSocket echo, closed loop of %d: %.0f msg/s%n", concurrency, echoPeak);
        System.out.printf(
                "ceiling: bare WebSocket echo at %.0f msg/s (half the peak): %s; %s%n",
                echoPeak / 2, echoLatency.summary(), cpu.summary());
        echoSockets.forEach(Socket::close);

        // Connections: STOMP CONNECT with a bearer token, then SUBSCRIBE to the room topic (both
        // authorised per room), 500 at a time up to the target or the first failures. The simple
        // broker sends no RECEIPT, so each connection proves its subscription by receiving a probe
        // message sent into its room afterwards.
        var stompLatency = new Latencies();
        var delivered = new AtomicLong();
        var held = new ArrayList<Socket>();
        var connected = new AtomicInteger();
        var reached = new AtomicInteger();
        var failed = new AtomicInteger();
        long connectStart = System.nanoTime();
        int batch = 500;
        for (int from = 0; from < target && failed.get() < 50; from += batch) {
            int to = Math.min(target, from + batch);
            var done = new CountDownLatch(to - from);
            var opened = new ArrayList<CompletableFuture<Socket>>();
            for (int j = from; j < to; j++) {
                Room room = rooms.get((j / 2) % rooms.size());
                boolean sideA = j % 2 == 0;
                String token = sideA ? room.tokenA() : room.tokenB();
                var state = new int[1];
                Socket[] self = new Socket[1];
                var future = Socket.open("/ws", text -> {
                    if (text.startsWith("CONNECTED") && state[0] == 0) {
                        state[0] = 1;
                        connected.incrementAndGet();
                        self[0].send(frame("SUBSCRIBE", "", "id", "room", "destination", "/topic/rooms." + room.id()));
                        done.countDown();
                    } else if (text.startsWith("MESSAGE")) {
                        if (state[0] == 1 && text.contains("\"text\":\"probe")) {
                            state[0] = 2;
                            reached.incrementAndGet();
                        }
                        int at = text.indexOf("\"text\":\"t=");
                        if (at > 0 && !sideA) {
                            int end = text.indexOf('"', at + 10);
                            stompLatency.add(System.nanoTime() - Long.parseLong(text.substring(at + 10, end)));
                            delivered.incrementAndGet();
                            onDelivered(room);
                        }
                    } else if (text.startsWith("ERROR") && state[0] == 0) {
                        state[0] = 3;
                        failed.incrementAndGet();
                        done.countDown();
                    }
                });
                future.whenComplete((socket, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        done.countDown();
                        return;
                    }
                    self[0] = socket;
                    socket.send(frame(
                            "CONNECT", "", "accept-version", "1.2", "host", "localhost", "heart-beat", "0,0",
                            "Authorization", "Bearer " + token));
                });
                opened.add(future);
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                System.out.println("bench: batch did not finish in 120 s");
                break;
            }
            for (var future : opened) {
                if (future.isDone() && !future.isCompletedExceptionally()) {
                    held.add(future.getNow(null));
                }
            }
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Thread.sleep(2000);
        // One probe per room from its first connection; every connection of the room should get it.
        for (int j = 0; j + 1 < held.size(); j += 2) {
            Room room = rooms.get((j / 2) % rooms.size());
            held.get(j).send(frame(
                    "SEND", "{\"text\":\"probe\"}", "destination", "/app/rooms/" + room.id() + "/messages",
                    "content-type", "application/json"));
            if (j % 200 == 0) {
                Thread.sleep(20);
            }
        }
        long waitUntil = System.nanoTime() + 120_000_000_000L;
        while (reached.get() < connected.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(200);
        }
        long alive = held.stream().filter(s -> s != null && s.open).count();
        System.out.printf(
                "connections: %d STOMP connections connected (%d refused or failed) in %.1f s; %d subscribed and received a message sent into their room; %d open; server RSS %d MiB%n",
                connected.get(), failed.get(), connectSeconds, reached.get(), alive, rssMiB(serverPid));

        // Delivery: A sends over STOMP to its room, B receives; one message in flight per room.
        int activeRooms = Math.min(concurrency, held.size() / 2);
        senders = new Socket[activeRooms];
        roomIndex = new java.util.HashMap<>();
        for (int r = 0; r < activeRooms; r++) {
            senders[r] = held.get(2 * r);
            roomIndex.put(rooms.get(r % rooms.size()).id(), r);
        }
        roomList = rooms;
        stompClosed = true;
        double stompPeak = closedLoop(
                Arrays.asList(senders), delivered, s -> sendChat(indexOf(s)), seconds);
        stompClosed = false;
        Thread.sleep(2000);
        stompLatency.values.clear();
        var cpu2 = new Cpu();
        openLoop(activeRooms, stompPeak / 2, seconds, ChatBench::sendChat);
        Thread.sleep(2000);
        System.out.printf(
                "chat: closed loop of %d rooms (send over STOMP, stored, delivered to the other member): %.0f msg/s%n",
                activeRooms, stompPeak);
        System.out.printf(
                "chat: delivery at %.0f msg/s (half the peak) with %d connections held: %s; %s%n",
                stompPeak / 2, alive, stompLatency.summary(), cpu2.summary());
        held.forEach(s -> {
            if (s != null) {
                s.close();
            }
        });
        System.exit(0);
    }

    static volatile boolean closedLoop;
    static volatile boolean stompClosed;
    static Socket[] senders;
    static java.util.Map<String, Integer> roomIndex;
    static List<Room> roomList;

    static int indexOf(Socket socket) {
        for (int i = 0; i < senders.length; i++) {
            if (senders[i] == socket) {
                return i;
            }
        }
        return 0;
    }

    static void sendChat(int r) {
        Room room = roomList.get(r % roomList.size());
        senders[r].send(frame(
                "SEND",
                "{\"text\":\"t=" + System.nanoTime() + "\"}",
                "destination",
                "/app/rooms/" + room.id() + "/messages",
                "content-type",
                "application/json"));
    }

    static void onDelivered(Room room) {
        if (stompClosed && closedLoop) {
            Integer r = roomIndex.get(room.id());
            if (r != null) {
                sendChat(r);
            }
        }
    }

    /** Every socket keeps one message in flight for the given time; returns messages per second. */
    static <T> double closedLoop(List<T> sockets, AtomicLong count, Consumer<T> first, int seconds)
            throws InterruptedException {
        closedLoop = true;
        sockets.forEach(first);
        Thread.sleep(2000);
        long c0 = count.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double rate = (count.get() - c0) / ((System.nanoTime() - t0) / 1e9);
        closedLoop = false;
        Thread.sleep(1000);
        return rate;
    }

    /** Sends at a fixed arrival rate, round-robin over the senders, whatever the answers do. */
    static void openLoop(int senders, double rate, int seconds, java.util.function.IntConsumer send)
            throws InterruptedException {
        long t0 = System.nanoTime();
        long sent = 0;
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
            while (sent < due) {
                send.accept((int) (sent % senders));
                sent++;
            }
            Thread.sleep(1);
        }
    }
}
