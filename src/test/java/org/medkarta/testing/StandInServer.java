package org.medkarta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The HTTP server under each stand-in of an outside service: on a free local port, four daemon threads. */
final class StandInServer {

    private StandInServer() {}

    static HttpServer start(String name, String path, HttpHandler handler) {
        try {
            var started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            started.createContext(path, handler);
            started.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                var thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            }));
            started.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON answer. */
    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
