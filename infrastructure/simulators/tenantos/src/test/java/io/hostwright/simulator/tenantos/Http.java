package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A TenantOS client as thin as can be: real HTTP, the simulator's key unless told otherwise. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Response(int status, String raw, JsonNode json, HttpHeaders headers) {
        JsonNode result() {
            return json.get("result");
        }

        String message() {
            return json.path("message").asText();
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;

    Http(TenantOsSimulator simulator) {
        this(simulator.baseUrl(), "Bearer " + simulator.apiKey(), Duration.ofSeconds(5));
    }

    Http(String baseUrl, String authorization, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    Http withAuthorization(String value) {
        return new Http(baseUrl, value, timeout);
    }

    Http withTimeout(Duration value) {
        return new Http(baseUrl, authorization, value);
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
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        JsonNode json = response.body().isEmpty() || !isJson ? JSON.nullNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.body(), json, response.headers());
    }
}
