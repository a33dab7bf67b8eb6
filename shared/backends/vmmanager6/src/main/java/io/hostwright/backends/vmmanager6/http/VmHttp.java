package io.hostwright.backends.vmmanager6.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.backends.vmmanager6.VmError;
import io.hostwright.domain.backend.BackendFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wire under {@link HttpVmManagerApi}: the session token (asked for with the account's e-mail and password, sent
 * as {@code x-xsrf-token}, asked for again once when VMmanager says the session ended), the 503 an idle instance
 * answers while it wakes (tried again with linearly growing pauses, as ISPsystem's guide does, then a transient
 * failure the step machinery retries later), and the error object {@code {error: {code, msg, value}}} as a
 * {@link BackendFailure}. Messages name the method and path, never the password, the token or a request body.
 */
final class VmHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Tries of a call VMmanager answers 503 to: pauses of 0.1 s, 0.2 s … 0.5 s, then it is the step's turn. */
    static final int ASLEEP_TRIES = 6;
    private static final int MAX_DETAIL = 240;

    private final String baseUrl;
    private final String email;
    private final String password;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final Sleeper sleeper;
    private volatile String token;

    /** @param credential {@code <e-mail>:<password>}, split at the first colon */
    VmHttp(String baseUrl, String credential, Duration connectTimeout, Duration requestTimeout, Sleeper sleeper) {
        URI uri = URI.create(baseUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("VMmanager base URL must be http(s)://host[:port]: " + baseUrl);
        }
        int colon = credential == null ? -1 : credential.indexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw new IllegalArgumentException("the VMmanager credential for " + baseUrl
                    + " must be <e-mail>:<password>");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.email = credential.substring(0, colon);
        this.password = credential.substring(colon + 1);
        this.requestTimeout = requestTimeout;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** One call: method, path (ids filled in), query parameters, JSON body or null. */
    record Call(String method, String path, Map<String, String> query, Object body) {

        static Call get(String path) {
            return new Call("GET", path, Map.of(), null);
        }

        static Call list(String path, String where) {
            return new Call("GET", path, Map.of("where", where), null);
        }

        static Call post(String path, Object body) {
            return new Call("POST", path, Map.of(), body == null ? Map.of() : body);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, Map.of(), null);
        }

        Call with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(name, value);
            return new Call(method, path, more, body);
        }

        String describe() {
            return "VMmanager " + method + " " + path;
        }

        @Override
        public String toString() {
            return describe(); // never the body: it may hold a password
        }
    }

    /** The call's answer; a 2xx with no body answers an empty object. */
    JsonNode exchange(Call call) {
        String session = token == null ? login() : token;
        HttpResponse<String> response = sendAwake(call, session);
        if (response.statusCode() == 401) {
            // the session ended (expired, or VMmanager restarted): one new one, then the call once more
            synchronized (this) {
                if (session.equals(token)) {
                    token = null;
                }
            }
            response = sendAwake(call, token == null ? login() : token);
            if (response.statusCode() == 401) {
                throw new BackendFailure.Permanent(call.describe() + ": VMmanager refused a fresh session for "
                        + email + ": " + detail(response), 401, null);
            }
        }
        return answer(call, response);
    }

    private synchronized String login() {
        if (token != null) {
            return token;
        }
        Call call = Call.post("/auth/v4/public/token", Map.of("email", email, "password", password));
        HttpResponse<String> response = sendAwake(call, null);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new BackendFailure.Permanent("VMmanager refused the credentials of " + email + ": "
                    + detail(response), response.statusCode(), null);
        }
        JsonNode answer = answer(call, response);
        String issued = answer.path("token").asText("");
        if (issued.isEmpty()) {
            throw new BackendFailure.Permanent(call.describe() + ": no token in the answer", response.statusCode(),
                    null);
        }
        token = issued;
        return issued;
    }

    /** Sends the call, trying again while the instance answers 503 (it is waking up). */
    private HttpResponse<String> sendAwake(Call call, String session) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(call, session);
            if (response.statusCode() != 503) {
                return response;
            }
            if (attempt >= ASLEEP_TRIES) {
                throw new BackendFailure.Transient(call.describe() + ": VMmanager is asleep (503) after "
                        + attempt + " tries", 503, null, null);
            }
            sleeper.sleep(Duration.ofMillis(100L * attempt));
        }
    }

    private HttpResponse<String> send(Call call, String session) {
        String query = call.query().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(requestTimeout).header("Accept", "application/json");
        if (session != null) {
            request.header("x-xsrf-token", session);
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json").method(call.method(),
                    HttpRequest.BodyPublishers.ofString(json(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BackendFailure.Transient(call.describe() + ": no answer within " + requestTimeout.toMillis()
                    + " ms", 0, null, null);
        } catch (ConnectException e) {
            throw new BackendFailure.Transient(call.describe() + ": cannot connect to " + baseUrl, 0, null, null);
        } catch (IOException e) {
            throw new BackendFailure.Transient(call.describe() + ": connection failed (" + e.getClass().getSimpleName()
                    + ")", 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure.Transient(call.describe() + ": interrupted", 0, null, null);
        }
    }

    private JsonNode answer(Call call, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (response.body() == null || response.body().isBlank()) {
                return MAPPER.createObjectNode();
            }
            try {
                return MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new BackendFailure.Permanent(call.describe() + ": the answer is not JSON", status, null);
            }
        }
        String message = call.describe() + ": HTTP " + status + " " + detail(response);
        VmError code = errorCode(response);
        if (status == 429 || status >= 500) {
            return rethrow(new BackendFailure.Transient(message, status, null, code));
        }
        return rethrow(new BackendFailure.Permanent(message, status, code));
    }

    private static JsonNode rethrow(BackendFailure failure) {
        throw failure;
    }

    /** VMmanager's error object in words: {@code code 1010: No free IPv4 addresses (value)}; shortened, scrubbed. */
    private String detail(HttpResponse<String> response) {
        String text;
        try {
            JsonNode error = MAPPER.readTree(response.body() == null ? "" : response.body()).path("error");
            if (error.isObject()) {
                text = "code " + error.path("code").asText("?") + ": " + error.path("msg").asText("")
                        + (error.path("value").isMissingNode() || error.path("value").isNull() ? ""
                        : " (" + error.path("value").asText(error.path("value").toString()) + ")");
            } else {
                text = response.body() == null ? "" : response.body();
            }
        } catch (IOException e) {
            text = response.body() == null ? "" : response.body();
        }
        text = text.replace(password, "***");
        String current = token;
        if (current != null) {
            text = text.replace(current, "***");
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    private static VmError errorCode(HttpResponse<String> response) {
        try {
            JsonNode error = MAPPER.readTree(response.body() == null ? "" : response.body()).path("error");
            return error.path("code").canConvertToInt()
                    ? new VmError(error.path("code").asInt(), error.path("msg").asText("")) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a VMmanager request body", e);
        }
    }
}
