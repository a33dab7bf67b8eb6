package io.hostwright.backends.tenantos.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hostwright.domain.backend.BackendFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire under {@link HttpTenantOsApi}: bearer auth, the {@code {result, message}} envelope and how an answer (or
 * its absence) becomes a {@link BackendFailure}. Failure messages name the method and path template, never the API
 * key or a request body; text TenantOS sends back is shortened and scrubbed of the key and of any password sent.
 */
final class TenantOsHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DETAIL = 240;

    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final Clock clock;

    TenantOsHttp(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        URI uri = URI.create(baseUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("TenantOS base URL must be http(s)://host[:port]: " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("TenantOS API key for " + baseUrl + " is empty");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade dance on plain-HTTP installs; redirects end up as failures (a login page is no answer)
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** One call: the path template with its ids filled in order, an optional JSON body, strings to scrub. */
    record Call(String method, String template, Object body, List<String> redact, long... ids) {

        static Call get(String template, long... ids) {
            return new Call("GET", template, null, List.of(), ids);
        }

        static Call post(String template, Object body, long... ids) {
            return new Call("POST", template, body, List.of(), ids);
        }

        static Call put(String template, Object body, long... ids) {
            return new Call("PUT", template, body, List.of(), ids);
        }

        static Call delete(String template, long... ids) {
            return new Call("DELETE", template, null, List.of(), ids);
        }

        Call redacting(String secret) {
            List<String> more = new ArrayList<>(redact);
            more.add(secret);
            return new Call(method, template, body, more, ids);
        }

        String path() {
            StringBuilder out = new StringBuilder();
            int next = 0;
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '{') {
                    out.append(ids[next++]);
                    i = template.indexOf('}', i);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** What failure messages start with, e.g. {@code TenantOS PUT /api/servers/{id} (101)}. */
        String describe() {
            StringBuilder s = new StringBuilder("TenantOS ").append(method).append(' ').append(template);
            if (ids.length > 0) {
                s.append(" (");
                for (int i = 0; i < ids.length; i++) {
                    s.append(i == 0 ? "" : ", ").append(ids[i]);
                }
                s.append(')');
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return describe(); // the record's own toString would print the body and the strings to scrub
        }
    }

    /**
     * Sends the call and reads the envelope's {@code result} with {@code reader}. A 2xx with an empty body hands the
     * reader a missing node; whatever the reader throws on a shape it cannot read becomes a permanent failure.
     */
    <T> T exchange(Call call, Function<JsonNode, T> reader) {
        HttpResponse<String> response = send(call);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonNode result = result(call, response);
            try {
                return reader.apply(result);
            } catch (BackendFailure f) {
                throw f;
            } catch (RuntimeException e) {
                throw new BackendFailure.Permanent(call.describe() + ": unexpected answer: " + scrub(call, e.getMessage()),
                        status, null);
            }
        }
        throw failure(call, response);
    }

    private HttpResponse<String> send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(json(call)));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BackendFailure.Transient(call.describe() + ": no answer within "
                    + requestTimeout.toMillis() + " ms", 0, null, null);
        } catch (ConnectException e) {
            throw new BackendFailure.Transient(call.describe() + ": cannot connect to " + baseUrl, 0, null, null);
        } catch (IOException e) {
            throw new BackendFailure.Transient(call.describe() + ": connection failed ("
                    + e.getClass().getSimpleName() + ")", 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure.Transient(call.describe() + ": interrupted", 0, null, null);
        }
    }

    private static String json(Call call) {
        try {
            return MAPPER.writeValueAsString(call.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(call.describe() + ": request body cannot be written as JSON");
        }
    }

    private JsonNode result(Call call, HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        JsonNode envelope = parse(body);
        if (envelope == null || !envelope.isObject() || !envelope.has("result")) {
            throw new BackendFailure.Permanent(call.describe() + ": answer is not a TenantOS {result, message} envelope",
                    response.statusCode(), null);
        }
        return envelope.get("result");
    }

    private BackendFailure failure(Call call, HttpResponse<String> response) {
        int status = response.statusCode();
        String detail = detail(call, response.body());
        String message = call.describe() + ": HTTP " + status + (detail.isEmpty() ? "" : " " + detail);
        if (status == 429 || status == 408 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
            return new BackendFailure.Transient(message, status, retryAfter, null);
        }
        if (status == 401) {
            return new BackendFailure.Permanent(call.describe() + ": the API key was rejected (HTTP 401)", status, null);
        }
        if (status == 403) {
            return new BackendFailure.Permanent(call.describe() + ": the API key's account may not do this (HTTP 403)"
                    + (detail.isEmpty() ? "" : " " + detail), status, null);
        }
        return new BackendFailure.Permanent(message, status, null);
    }

    /** TenantOS's own words: {@code message}, plus Laravel-style {@code errors} of a 422. Non-JSON bodies say nothing. */
    private String detail(Call call, String body) {
        JsonNode envelope = body == null ? null : parse(body);
        if (envelope == null || !envelope.isObject()) {
            return "";
        }
        StringBuilder s = new StringBuilder(envelope.path("message").asText(""));
        JsonNode errors = envelope.path("errors");
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> field : errors.properties()) {
                s.append(s.isEmpty() ? "" : "; ").append(field.getKey()).append(": ")
                        .append(field.getValue().isArray() ? field.getValue().path(0).asText("") : field.getValue().asText(""));
            }
        }
        String text = scrub(call, s.toString().strip());
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    private String scrub(Call call, String text) {
        if (text == null) {
            return "";
        }
        String out = text.replace(apiKey, "***");
        for (String secret : call.redact()) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    /** {@code Retry-After}: delta-seconds or an HTTP-date; anything else is ignored. */
    Duration retryAfter(String value) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
