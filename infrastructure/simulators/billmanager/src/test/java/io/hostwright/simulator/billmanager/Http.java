package io.hostwright.simulator.billmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A BILLmanager client as thin as can be: real HTTP, form-encoded POSTs or GETs to /billmgr; JSON for control. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Response(int status, String raw, JsonNode json) {
        JsonNode doc() {
            return json.path("doc");
        }

        JsonNode error() {
            return doc().path("error");
        }

        String errorType() {
            return error().path("$type").asText(null);
        }

        String errorObject() {
            return error().path("$object").asText(null);
        }

        boolean ok() {
            return status == 200 && error().isMissingNode() && json.has("doc");
        }
    }

    private final String baseUrl;
    private final Duration timeout;

    Http(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    static Http of(BillManagerSimulator simulator) {
        return new Http(simulator.baseUrl(), Duration.ofSeconds(5));
    }

    Http withTimeout(Duration value) {
        return new Http(baseUrl, value);
    }

    /** {@code key, value, key, value…} in order. */
    static Map<String, String> params(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** POST /billmgr with a form body. */
    Response post(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/billmgr"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    /** GET /billmgr?… */
    Response get(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/billmgr?" + form(params))).GET());
    }

    Response raw(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** The control API: {@code body} null, raw JSON text, or anything Jackson writes. */
    Response control(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : body instanceof String text ? HttpRequest.BodyPublishers.ofString(text)
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json").method(method, publisher));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sendOrThrow(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.body(), json);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
