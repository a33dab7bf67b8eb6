package io.hostwright.simulator.tenantos;

import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.PathPattern;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /tokenLogin/{authToken}}: where a browser lands with a token from {@code generateSsoToken}. A page, not
 * an API call: no Bearer key, no envelope, no latency or faults, not in the call log. 200 with a small HTML page
 * while the token is valid and unused (then it is used up), 410 once used or expired (or its user is gone), 404 for
 * a token never issued.
 */
final class TokenLogin {

    static final String PREFIX = "/tokenLogin/";

    private final World world;

    TokenLogin(World world) {
        this.world = world;
    }

    void handle(HttpExchange exchange) throws IOException {
        List<String> segments = PathPattern.split(exchange.getRequestURI().getPath());
        if (segments.size() != 2) {
            send(exchange, 404, "Not found");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, "Use GET");
            return;
        }
        String token = segments.get(1);
        record Page(int status, String text) {
        }
        Page page = world.locked(() -> {
            SsoTokenState t = world.ssoTokens.get(token);
            if (t == null) {
                return new Page(404, "Unknown login link");
            }
            UserState user = world.users.get(t.userId);
            if (t.used || !world.now().isBefore(t.expiresAt) || user == null) {
                return new Page(410, "This login link has expired or was already used");
            }
            t.used = true;
            return new Page(200, "Logged in as " + user.username + ", opening " + t.endpoint);
        });
        send(exchange, page.status(), page.text());
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        byte[] bytes = ("<!DOCTYPE html><html><head><title>TenantOS</title></head><body><p>" + escaped
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
