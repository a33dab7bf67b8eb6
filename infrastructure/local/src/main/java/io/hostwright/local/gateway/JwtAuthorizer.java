package io.hostwright.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.local.jwt.InvalidTokenException;
import io.hostwright.local.jwt.LocalJwt;
import io.hostwright.manifest.Access;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * API Gateway's HTTP API JWT authorizer, for a route's {@link Access}: a customer or staff route needs
 * {@code Authorization: Bearer <jwt>} with a valid token (else 401); a route with a required scope needs it among the
 * token's space-separated {@code scope} claim (else 403).
 */
final class JwtAuthorizer {

    private static final String BEARER = "bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalJwt jwt;

    JwtAuthorizer(LocalJwt jwt) {
        this.jwt = jwt;
    }

    AuthorizerDecision decide(Access access, String authorization) {
        if (!access.needsToken()) {
            return new AuthorizerDecision.Anonymous();
        }
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || authorization.substring(BEARER.length()).isBlank()) {
            return new AuthorizerDecision.Refused(401, "Unauthorized", "Bearer");
        }
        Map<String, Object> claims;
        try {
            claims = jwt.verify(authorization.substring(BEARER.length()).strip());
        } catch (InvalidTokenException e) {
            return new AuthorizerDecision.Refused(401, "Unauthorized",
                    "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + e.getMessage() + "\"");
        }
        List<String> scopes = scopes(claims.get("scope"));
        String required = access.requiredScope();
        if (required != null && !scopes.contains(required)) {
            return new AuthorizerDecision.Refused(403, "Forbidden", "Bearer scope=\"" + required
                    + "\" error=\"insufficient_scope\" error_description=\"the token lacks the " + required + " scope\"");
        }
        return new AuthorizerDecision.Authorized(asApiGatewayClaims(claims), scopes);
    }

    private static List<String> scopes(Object scope) {
        if (!(scope instanceof String text) || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }

    /** API Gateway hands claims to the function as strings: numbers plainly, lists as {@code [a b]}. */
    private static Map<String, String> asApiGatewayClaims(Map<String, Object> claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                strings.put(name, claimString(value));
            }
        });
        return strings;
    }

    private static String claimString(Object value) {
        return switch (value) {
            case String text -> text;
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case List<?> list -> list.stream().map(JwtAuthorizer::claimString).collect(Collectors.joining(" ", "[", "]"));
            case Map<?, ?> map -> json(map);
            default -> String.valueOf(value);
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
