package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A VMmanager client as thin as can be: real HTTP, an {@code x-xsrf-token} when it holds one. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Response(int status, String raw, JsonNode json, HttpHeaders headers) {
        JsonNode error() {
            return json.path("error");
        }

        int code() {
            return error().path("code").asInt();
        }

        /** The items of a {@code {list, size}} answer. */
        JsonNode list() {
            return json.path("list");
        }
    }

    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    Http(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
    }

    /** No token: for the control API and the public routes. */
    static Http anonymous(VmManager6Simulator simulator) {
        return new Http(simulator.baseUrl(), null, Duration.ofSeconds(5));
    }

    /** Logs in as the seeded admin (one token issue). */
    static Http admin(VmManager6Simulator simulator) {
        Http anonymous = anonymous(simulator);
        Response login = anonymous.post("/auth/v4/public/token",
                java.util.Map.of("email", Seed.ADMIN_EMAIL, "password", Seed.ADMIN_PASSWORD));
        if (login.status() != 201) {
            throw new IllegalStateException("login failed: " + login.raw());
        }
        return anonymous.withToken(login.json().path("token").asText());
    }

    Http withToken(String value) {
        return new Http(baseUrl, value, timeout);
    }

    Http withTimeout(Duration value) {
        return new Http(baseUrl, token, value);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code body}: null, raw JSON text, or anything Jackson writes. */
    Response send(String method, String path, Object body) {
        try {
            return sendOrThrow(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response sendOrThrow(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : body instanceof String raw ? HttpRequest.BodyPublishers.ofString(raw)
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("x-xsrf-token", token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        JsonNode json = response.body().isEmpty() || !isJson ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.body(), json, response.headers());
    }
}
