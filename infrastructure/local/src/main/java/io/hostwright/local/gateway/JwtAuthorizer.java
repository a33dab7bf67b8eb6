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
 * API Gateway's HTTP API JWT authorizer, for a route's {@link Access}, as the CDK app configures it (identity source
 * {@code $request.header.Authorization}, the issuer and one audience, the route's scope as its authorization scope):
 * <ul>
 *   <li>no {@code Authorization} header, or a blank one: 401;</li>
 *   <li>the token is the header's value, after {@code Bearer } when it starts so (API Gateway takes the bare token
 *       too); {@link LocalJwt#verify} refuses it with 401 and API Gateway's {@code www-authenticate} header;</li>
 *   <li>a route with a required scope ({@link Access#STAFF}: {@code admin}) needs it among the token's scopes — the
 *       space-separated {@code scope} claim, or else {@code scp} (a list or space-separated) — or answers 403.</li>
 * </ul>
 * Both refusals happen before the function runs, with API Gateway's bodies {@code {"message":"Unauthorized"}} and
 * {@code {"message":"Forbidden"}}. Like API Gateway it does not look at {@code sub}; the functions answer 401 to a
 * token without one.
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
        String token = token(authorization);
        if (token == null) {
            return new AuthorizerDecision.Refused(401, "Unauthorized", "Bearer");
        }
        Map<String, Object> claims;
        try {
            claims = jwt.verify(token);
        } catch (InvalidTokenException e) {
            return new AuthorizerDecision.Refused(401, "Unauthorized",
                    "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + e.getMessage() + "\"");
        }
        List<String> scopes = scopes(claims);
        String required = access.requiredScope();
        if (required != null && !scopes.contains(required)) {
            return new AuthorizerDecision.Refused(403, "Forbidden", "Bearer scope=\"" + required
                    + "\" error=\"insufficient_scope\" error_description=\"the token lacks the " + required + " scope\"");
        }
        return new AuthorizerDecision.Authorized(asApiGatewayClaims(claims), scopes);
    }

    /** The token in the identity source: the header's value, without a leading {@code Bearer }; null when none. */
    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        } else if (value.equalsIgnoreCase(BEARER.strip())) {
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /** The token's scopes: {@code scope} (space-separated), or {@code scp} when there is no {@code scope}. */
    private static List<String> scopes(Map<String, Object> claims) {
        Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
        if (scope instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return spaceSeparated(scope);
    }

    private static List<String> spaceSeparated(Object scope) {
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
