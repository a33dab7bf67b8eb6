package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to a laptop runtime — in this JVM or another — pointed anew at each (re)start's API. A request the
 * process did not answer — it was killed, or is not up yet — is an {@link IOException}.
 */
public final class LaptopClient {

    /** An answer: its status and body (null when it had none or it was not JSON). */
    public record Answer(int status, JsonNode body, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI api;

    public void pointAt(URI api) {
        this.api = api;
    }

    public URI api() {
        return api;
    }

    public Answer send(String method, String path, String token, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            // kept as text
        }
        return new Answer(response.statusCode(), json, response.body());
    }

    /** A request that must answer {@code expected}; anything else fails the test with what was answered. */
    public JsonNode expect(int expected, String method, String path, String token, String body) {
        return expect(expected, method, path, token, null, body);
    }

    /** As {@link #expect(int, String, String, String, String)}, with an {@code Idempotency-Key}. */
    public JsonNode expect(int expected, String method, String path, String token, String idempotencyKey,
                           String body) {
        try {
            Answer answer = send(method, path, token, idempotencyKey, body);
            if (answer.status() != expected) {
                throw new AssertionError(method + " " + path + " answered " + answer.status() + ", not " + expected
                        + ": " + answer.text());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public JsonNode get(String path, String token) {
        return expect(200, "GET", path, token, null);
    }

    public String token(String subject, String email, String scope) {
        String claims = scope == null
                ? Json.write(java.util.Map.of("sub", subject, "email", email))
                : Json.write(java.util.Map.of("sub", subject, "email", email, "scope", scope));
        return expect(200, "POST", "/local/token", null, claims).path("token").asText();
    }
}
