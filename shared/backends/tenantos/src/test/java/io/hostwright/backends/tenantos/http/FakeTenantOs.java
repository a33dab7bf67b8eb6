package io.hostwright.backends.tenantos.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted TenantOS on 127.0.0.1 and a free port: answers are queued per "METHOD path" (the last one repeats),
 * every request is recorded. Unscripted requests get a 404 in TenantOS's error shape.
 */
final class FakeTenantOs implements AutoCloseable {

    /** @param query the raw query string, null when none */
    record Seen(String method, String path, Map<String, List<String>> headers, String body, String query) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Answer(int status, String body, Map<String, String> headers, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    FakeTenantOs() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code {"result": resultJson, "message": "success"}} with 200. */
    FakeTenantOs result(String method, String path, String resultJson) {
        return answer(method, path, new Answer(200, "{\"result\":" + resultJson + ",\"message\":\"success\"}", Map.of(), Duration.ZERO));
    }

    FakeTenantOs error(String method, String path, int status, String message, Map<String, String> headers) {
        String body = "{\"result\":null,\"message\":\"" + message + "\"}";
        return answer(method, path, new Answer(status, body, headers, Duration.ZERO));
    }

    FakeTenantOs raw(String method, String path, int status, String body) {
        return answer(method, path, new Answer(status, body, Map.of(), Duration.ZERO));
    }

    FakeTenantOs answer(String method, String path, Answer answer) {
        script.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(method, path, Map.copyOf(exchange.getRequestHeaders()), body,
                exchange.getRequestURI().getRawQuery()));
        Deque<Answer> queue = script.get(method + " " + path);
        Answer answer;
        synchronized (this) {
            answer = queue == null ? new Answer(404, "{\"result\":null,\"message\":\"not scripted\"}", Map.of(), Duration.ZERO)
                    : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                out.write(bytes);
            }
        } catch (IOException ignored) {
            // the client gave up (timeout tests)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
