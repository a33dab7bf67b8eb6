package io.hostwright.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;
import io.hostwright.local.jwt.LocalJwt;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /local/token} with {@code {"sub", "email", "scope"?, "ttlSeconds"?}}: a token the local authorizer
 * accepts, so a laptop user can be any customer ({@code sub}) or staff ({@code "scope": "admin"}).
 */
final class TokenEndpoint implements LocalEndpoint.Handler {

    static final long MAX_TTL_SECONDS = Duration.ofDays(1).toSeconds();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SCOPES = Pattern.compile("[A-Za-z0-9:._/-]+( [A-Za-z0-9:._/-]+)*");

    private final LocalJwt jwt;

    TokenEndpoint(LocalJwt jwt) {
        this.jwt = jwt;
    }

    @Override
    public LocalEndpoint.Reply handle(LocalEndpoint.Request request) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            return LocalEndpoint.Reply.invalid("body", "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (body == null || !body.isObject()) {
            return LocalEndpoint.Reply.invalid("body", "must be a JSON object like {\"sub\":\"alice\",\"email\":\"alice@example.com\"}");
        }
        JsonNode sub = body.get("sub");
        if (sub == null || !sub.isTextual() || sub.textValue().isBlank()) {
            return LocalEndpoint.Reply.invalid("sub", "is required: the customer's id, a non-empty string");
        }
        JsonNode email = body.get("email");
        if (email == null || !email.isTextual() || !EMAIL.matcher(email.textValue()).matches()) {
            return LocalEndpoint.Reply.invalid("email", "is required: an e-mail address");
        }
        JsonNode scope = body.get("scope");
        if (scope != null && !scope.isNull() && (!scope.isTextual() || !SCOPES.matcher(scope.textValue()).matches())) {
            return LocalEndpoint.Reply.invalid("scope", "must be space-separated scopes, e.g. \"admin\"");
        }
        JsonNode ttl = body.get("ttlSeconds");
        long ttlSeconds = LocalJwt.DEFAULT_TTL.toSeconds();
        if (ttl != null && !ttl.isNull()) {
            if (!ttl.isIntegralNumber() || ttl.longValue() < 1 || ttl.longValue() > MAX_TTL_SECONDS) {
                return LocalEndpoint.Reply.invalid("ttlSeconds", "must be a whole number from 1 to " + MAX_TTL_SECONDS);
            }
            ttlSeconds = ttl.longValue();
        }
        String token = jwt.issue(sub.textValue(), email.textValue(),
                scope == null || scope.isNull() ? null : scope.textValue(), Duration.ofSeconds(ttlSeconds));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("token", token);
        reply.put("tokenType", "Bearer");
        reply.put("expiresIn", ttlSeconds);
        return LocalEndpoint.Reply.json(200, reply);
    }
}
