package io.hostwright.local.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hostwright.local.gateway.GatewayExchange;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code openapi.yaml} (the manifest module's, the one the laptop gateway serves) as a contract for what went over
 * the wire, checked by swagger-request-validator:
 * <ul>
 *   <li>every answer on a manifest route — the function's, the JWT authorizer's 401/403, the gateway's 500 — must be
 *       one the document lists for that operation: status, content type, body schema, required headers;</li>
 *   <li>every request the API <em>accepted</em> (2xx) must be one the document allows: parameters, headers, body.
 *       A request the document forbids may only be refused (4xx): tests send bad requests on purpose.</li>
 * </ul>
 * Exchanges with no manifest route (a gateway 404 for an unknown path, the {@code /local/} helpers, the test
 * gateways' own functions) are not the API's and are skipped. Identical exchanges (a poll repeated until something
 * happens) are checked once.
 */
final class OpenApiContract {

    private static final String RESOURCE = "/openapi.yaml";
    /** Headers the validator has no business with, or that differ on every exchange. */
    private static final Set<String> IGNORED_HEADERS = Set.of("apigw-requestid", "date", "content-length",
            "connection", "host", "user-agent", "http2-settings", "upgrade", "transfer-encoding");

    private static volatile OpenApiContract instance;

    private final OpenApiInteractionValidator validator;
    /** {@code function + " " + routeKey} of every manifest HTTP route. */
    private final Set<String> manifestRoutes;

    private OpenApiContract(OpenApiInteractionValidator validator, Set<String> manifestRoutes) {
        this.validator = validator;
        this.manifestRoutes = manifestRoutes;
    }

    /** Parsed once per JVM (a second or two). */
    static OpenApiContract get() {
        OpenApiContract loaded = instance;
        if (loaded == null) {
            synchronized (OpenApiContract.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = load();
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    private static OpenApiContract load() {
        String document;
        try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the manifest module carries it)");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> routes = Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream().map(r -> f.name() + " " + r.routeKey()))
                .collect(Collectors.toUnmodifiableSet());
        return new OpenApiContract(OpenApiInteractionValidator.createForInlineApiSpecification(document).build(), routes);
    }

    /** Whether the exchange is on one of the manifest's API routes (anything else is skipped). */
    boolean covers(GatewayExchange exchange) {
        return exchange.routeKey() != null && exchange.function() != null
                && exchange.answeredBy() != GatewayExchange.Answerer.LAPTOP
                && manifestRoutes.contains(exchange.function() + " " + exchange.routeKey());
    }

    /** What the exchanges did that the document does not allow, one line per kind of mismatch (with a count). */
    List<String> mismatches(Collection<GatewayExchange> exchanges) {
        return verdict(exchanges).mismatches();
    }

    /**
     * @param covered    exchanges on the manifest's routes
     * @param checked    distinct ones among them, each checked
     * @param mismatches one line per kind of mismatch
     */
    record Verdict(int covered, int checked, List<String> mismatches) {
    }

    Verdict verdict(Collection<GatewayExchange> exchanges) {
        Map<Key, GatewayExchange> distinct = new LinkedHashMap<>();
        int covered = 0;
        for (GatewayExchange exchange : exchanges) {
            if (covers(exchange)) {
                covered++;
                distinct.putIfAbsent(Key.of(exchange), exchange);
            }
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (GatewayExchange exchange : distinct.values()) {
            for (String problem : check(exchange)) {
                findings.computeIfAbsent(exchange.routeKey() + " → " + exchange.status() + ": " + problem,
                        k -> new Finding(exchange)).count++;
            }
        }
        List<String> lines = new ArrayList<>();
        findings.forEach((what, finding) -> lines.add(what + (finding.count > 1 ? " (" + finding.count + " exchanges)" : "")
                + "\n      e.g. " + describe(finding.example)));
        return new Verdict(covered, distinct.size(), List.copyOf(lines));
    }

    /** The document's objections to one exchange. */
    List<String> check(GatewayExchange exchange) {
        List<String> problems = new ArrayList<>();
        Request request = request(exchange);
        for (ValidationReport.Message message : validator.validateResponse(exchange.rawPath(), request.getMethod(),
                response(exchange)).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add("answer: " + oneLine(message));
            }
        }
        if (exchange.status() >= 200 && exchange.status() < 300) {
            for (ValidationReport.Message message : validator.validateRequest(request).getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add("accepted a request the document forbids: " + oneLine(message));
                }
            }
        }
        return problems;
    }

    private static Request request(GatewayExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.rawPath());
        exchange.requestHeaders().forEach((name, values) -> {
            if (!IGNORED_HEADERS.contains(name)) {
                builder.withHeader(name, values);
            }
        });
        query(exchange.rawQueryString()).forEach(builder::withQueryParam);
        if (exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(GatewayExchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!IGNORED_HEADERS.contains(name)) {
                builder.withHeader(name, values);
            }
        });
        if (exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String oneLine(ValidationReport.Message message) {
        String text = message.getMessage();
        List<String> more = message.getAdditionalInfo();
        if (more != null && !more.isEmpty()) {
            text += " " + more;
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private static String describe(GatewayExchange exchange) {
        StringBuilder text = new StringBuilder(exchange.method()).append(' ').append(exchange.rawPath());
        if (exchange.rawQueryString() != null && !exchange.rawQueryString().isEmpty()) {
            text.append('?').append(exchange.rawQueryString());
        }
        if (exchange.requestBody().length > 0) {
            text.append(' ').append(snippet(exchange.requestBody()));
        }
        text.append(" → ").append(exchange.status()).append(' ')
                .append(exchange.responseHeader("content-type") == null ? "" : exchange.responseHeader("content-type") + " ")
                .append(snippet(exchange.responseBody()));
        return text.toString();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static final class Finding {
        final GatewayExchange example;
        int count;

        Finding(GatewayExchange example) {
            this.example = example;
        }
    }

    /** What makes two exchanges the same for the document: everything but the request id, date and token. */
    private record Key(String method, String rawPath, String rawQuery, Map<String, List<String>> requestHeaders,
                       ByteBuffer requestBody, int status, Map<String, List<String>> responseHeaders,
                       ByteBuffer responseBody) {

        static Key of(GatewayExchange exchange) {
            return new Key(exchange.method(), exchange.rawPath(), exchange.rawQueryString(),
                    relevant(exchange.requestHeaders()), ByteBuffer.wrap(exchange.requestBody()), exchange.status(),
                    relevant(exchange.responseHeaders()), ByteBuffer.wrap(exchange.responseBody()));
        }

        private static Map<String, List<String>> relevant(Map<String, List<String>> headers) {
            Map<String, List<String>> kept = new TreeMap<>();
            headers.forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("authorization")) {
                    kept.put(lower, List.of(values.isEmpty() ? "" : scheme(values.getFirst())));
                } else if (!IGNORED_HEADERS.contains(lower)) {
                    kept.put(lower, values);
                }
            });
            return kept;
        }

        private static String scheme(String authorization) {
            int space = authorization.indexOf(' ');
            return space < 0 ? "token" : authorization.substring(0, space);
        }
    }
}
