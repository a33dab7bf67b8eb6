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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wire under {@link HttpVmManagerApi}: the session token (asked for with the account's e-mail and password, sent
 * as {@code x-xsrf-token}, asked for again once when VMmanager says the session ended, and the call then made once
 * more: a 401 means VMmanager did nothing with it), and every answer as a {@link BackendFailure}: 429 and 5xx (the
 * 503 an idle instance answers while it wakes among them) and no answer are {@link BackendFailure.Transient}, with
 * {@code Retry-After} (seconds) passed on; other 4xx are {@link BackendFailure.Permanent}; VMmanager's error object
 * {@code {error: {code, msg, value}}} becomes the message, its code the failure's cause ({@link VmError}).
 *
 * <p>Nothing here repeats a call by itself, apart from that one re-login: whether a call may be made again after a
 * transient failure is {@link RetryingVmManagerApi}'s decision, since a change such as creating a host must never
 * be made twice. Messages name the method and path, never the password, the token or a request body; the
 * connection's password, the session token and any password a call sends are scrubbed from what VMmanager answers.
 */
final class VmHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TOKEN_PATH = "/auth/v4/public/token";
    private static final int MAX_DETAIL = 240;
    private static final String SCRUBBED = "***";

    private final String baseUrl;
    private final String email;
    private final String password;
    private final Duration requestTimeout;
    private final HttpClient client;
    private volatile String token;

    /** @param credential {@code <e-mail>:<password>}, split at the first colon */
    VmHttp(String baseUrl, String credential, Duration connectTimeout, Duration requestTimeout) {
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

        /** The passwords the body sends (a {@code password} field), to be kept out of every message. */
        List<String> secrets() {
            return body instanceof Map<?, ?> fields && fields.get("password") instanceof String password
                    ? List.of(password) : List.of();
        }

        @Override
        public String toString() {
            return describe(); // never the body: it may hold a password
        }
    }

    /** The call's answer, the call made once (twice only when the first was refused for its session); a 2xx with no
     * body answers an empty object. */
    JsonNode exchange(Call call) {
        String session = token == null ? login() : token;
        HttpResponse<String> response = send(call, session);
        if (response.statusCode() == 401) {
            // the session ended (expired, or VMmanager restarted): one new one, then the call once more
            synchronized (this) {
                if (session.equals(token)) {
                    token = null;
                }
            }
            response = send(call, token == null ? login() : token);
            if (response.statusCode() == 401) {
                throw new BackendFailure.Permanent(call.describe() + ": VMmanager refused a fresh session for "
                        + email + ": " + detail(call, response), 401, errorCode(call, response));
            }
        }
        return answer(call, response);
    }

    private synchronized String login() {
        if (token != null) {
            return token;
        }
        Call call = Call.post(TOKEN_PATH, Map.of("email", email, "password", password));
        HttpResponse<String> response = send(call, null);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new BackendFailure.Permanent("VMmanager refused the credentials of " + email + ": "
                    + detail(call, response), response.statusCode(), errorCode(call, response));
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
        String detail = detail(call, response);
        if (status == 503 && detail.isBlank()) {
            detail = "(asleep or unavailable: an idle VMmanager answers so while it wakes)";
        }
        String message = call.describe() + ": HTTP " + status + " " + detail;
        VmError code = errorCode(call, response);
        if (status == 429 || status >= 500) {
            Duration retryAfter = status == 429 || status == 503 ? retryAfter(response) : null;
            return rethrow(new BackendFailure.Transient(message, status, retryAfter, code));
        }
        return rethrow(new BackendFailure.Permanent(message, status, code));
    }

    private static JsonNode rethrow(BackendFailure failure) {
        throw failure;
    }

    /** What {@code Retry-After} asks for, in whole seconds as VMmanager (and the HTTP spec) writes it; else null. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip)
                .filter(seconds -> seconds.matches("\\d{1,9}")).map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(null);
    }

    /** VMmanager's error object in words: {@code code 1010: No free IPv4 addresses (value)}; shortened, scrubbed. */
    private String detail(Call call, HttpResponse<String> response) {
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
        text = scrubbed(call, text);
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    /** {@code text} without the connection's password, the session token, or a password the call sends. */
    private String scrubbed(Call call, String text) {
        List<String> secrets = new ArrayList<>(call.secrets());
        secrets.add(password);
        secrets.add(token);
        String shown = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                shown = shown.replace(secret, SCRUBBED);
            }
        }
        return shown;
    }

    /** VMmanager's error code, with its message scrubbed as {@link #detail} is: a cause shows in stack traces. */
    private VmError errorCode(Call call, HttpResponse<String> response) {
        try {
            JsonNode error = MAPPER.readTree(response.body() == null ? "" : response.body()).path("error");
            return error.path("code").canConvertToInt()
                    ? new VmError(error.path("code").asInt(), scrubbed(call, error.path("msg").asText(""))) : null;
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
