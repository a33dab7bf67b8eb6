package io.hostwright.backends.billmanager.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.domain.licence.LicenceServer;
import io.hostwright.domain.licence.ServerLicence;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.licence.PoolLicence;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The licence BILLmanager's {@code func=} API over HTTP: every call a form POST to {@code <base>/billmgr} with
 * {@code authinfo=<user>:<password>} and {@code out=json}; answers are {@code {"doc": …}} with text nodes, and a
 * refusal comes back with HTTP 200 as {@code doc.error} ({@code $type}, {@code $object}, {@code msg}). A refusal is a
 * permanent failure carrying BILLmanager's words ({@code auth} → 401, {@code money} → 402, {@code status} → 409, any
 * other → 400); a 5xx, a 429 or no answer is transient. Nothing here repeats a call: ordering twice buys twice.
 * Messages never show the password or a licence key.
 */
public final class HttpLicenceServerApi implements LicenceServer {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Short enough that an attempt (with its 20 s budget) ends well inside the provisioning function's minute; an
     * order whose answer comes too late is found by its name on the next attempt, never bought twice.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DETAIL = 240;

    private final String endpoint;
    private final String credential;
    private final String password;
    private final Duration requestTimeout;
    private final HttpClient client;

    /** @param credential {@code <user>:<password>}, split at the first colon */
    public HttpLicenceServerApi(String baseUrl, String credential, Duration connectTimeout, Duration requestTimeout) {
        URI uri = URI.create(baseUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the licence BILLmanager's URL must be http(s)://host[:port]: " + baseUrl);
        }
        int colon = credential == null ? -1 : credential.indexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw new IllegalArgumentException("the licence BILLmanager credential must be <user>:<password>");
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = base.endsWith("/billmgr") ? base : base + "/billmgr";
        this.credential = credential;
        this.password = credential.substring(colon + 1);
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<ServerLicence> licences() {
        JsonNode doc = call("soft", Map.of());
        List<ServerLicence> licences = new ArrayList<>();
        for (JsonNode elem : doc.path("elem")) {
            licences.add(licence(elem));
        }
        return licences;
    }

    @Override
    public ServerLicence.Ordered order(String ip, String name, long pricelist, int months) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ip", ip);
        p.put("licname", name);
        p.put("pricelist", Long.toString(pricelist));
        p.put("period", Integer.toString(months));
        p.put("skipbasket", "on");
        p.put("clicked_button", "finish");
        p.put("sok", "ok");
        JsonNode doc = call("soft.order.param", p);
        return new ServerLicence.Ordered(text(doc, "id"), text(doc, "key"));
    }

    @Override
    public void prolong(String licenceId, int months) {
        call("service.prolong", Map.of("elid", licenceId, "period", Integer.toString(months)));
    }

    @Override
    public void edit(String licenceId, String name, String ip) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("elid", licenceId);
        if (name != null) {
            p.put("licname", name);
        }
        if (ip != null) {
            p.put("ip", ip);
        }
        p.put("sok", "ok");
        call("soft.edit", p);
    }

    @Override
    public String newKey(String licenceId) {
        return text(call("soft.newkey", Map.of("elid", licenceId)), "key");
    }

    @Override
    public void suspend(String licenceId) {
        call("softexternal.suspend", Map.of("elid", licenceId));
    }

    @Override
    public void resume(String licenceId) {
        call("softexternal.resume", Map.of("elid", licenceId));
    }

    private JsonNode call(String func, Map<String, String> parameters) {
        String what = "licence BILLmanager func=" + func;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("func", func);
        form.put("out", "json");
        form.put("authinfo", credential);
        form.putAll(parameters);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BackendFailure.Transient(what + ": no answer within " + requestTimeout.toMillis() + " ms", 0,
                    null, null);
        } catch (ConnectException e) {
            throw new BackendFailure.Transient(what + ": cannot connect to " + endpoint, 0, null, null);
        } catch (IOException e) {
            throw new BackendFailure.Transient(what + ": connection failed (" + e.getClass().getSimpleName() + ")",
                    0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure.Transient(what + ": interrupted", 0, null, null);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new BackendFailure.Transient(what + ": HTTP " + status + " " + scrub(response.body()), status,
                    null, null);
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(response.body() == null ? "" : response.body()).path("doc");
        } catch (IOException e) {
            throw new BackendFailure.Permanent(what + ": HTTP " + status + ", the answer is not JSON", status, null);
        }
        if (status >= 400) {
            throw new BackendFailure.Permanent(what + ": HTTP " + status + " " + error(doc), status, null);
        }
        if (doc.has("error")) {
            String type = doc.path("error").path("$type").asText("");
            int code = switch (type) {
                case "auth" -> 401;
                case "money" -> 402;
                case "status" -> 409;
                case "internal" -> 500;
                default -> 400;
            };
            String message = what + ": " + error(doc);
            if (code == 500) {
                throw new BackendFailure.Transient(message, code, null, null);
            }
            throw new BackendFailure.Permanent(message, code, null);
        }
        if (doc.isMissingNode()) {
            throw new BackendFailure.Permanent(what + ": no doc in the answer", status, null);
        }
        return doc;
    }

    private String error(JsonNode doc) {
        JsonNode error = doc.path("error");
        String text = error.path("$type").asText("?")
                + (error.has("$object") ? " (" + error.path("$object").asText() + ")" : "")
                + ": " + error.path("msg").path("$").asText("");
        return scrub(text);
    }

    private String scrub(String text) {
        String s = text == null ? "" : text.replace(password, "***");
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "…" : s;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            throw new BackendFailure.Permanent("licence BILLmanager: no " + field + " in the answer", 200, null);
        }
        return value.has("$") ? value.path("$").asText() : value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.has("$") ? value.path("$").asText() : value.asText();
        return text.isEmpty() ? null : text;
    }

    private static ServerLicence licence(JsonNode e) {
        String status = optional(e, "status");
        PoolLicence.Status s = "2".equals(status) ? PoolLicence.Status.ACTIVE
                : "3".equals(status) ? PoolLicence.Status.SUSPENDED : PoolLicence.Status.OTHER;
        String pricelist = optional(e, "pricelist");
        return new ServerLicence(text(e, "id"), s, optional(e, "name"), optional(e, "ip"),
                pricelist == null ? 0 : Long.parseLong(pricelist), instant(optional(e, "expiretime"),
                optional(e, "expiredate")), instant(optional(e, "lastipchange"), null),
                instant(optional(e, "lastkeychange"), null), optional(e, "key"));
    }

    /** An ISO instant, else a date (the end of that day, UTC), else null. */
    private static Instant instant(String time, String date) {
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (RuntimeException notIso) {
                // fall back to the date
            }
        }
        if (date != null) {
            return LocalDate.parse(date).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }
}
