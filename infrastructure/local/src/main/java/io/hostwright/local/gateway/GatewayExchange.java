package io.hostwright.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request a laptop gateway answered and its answer, as {@link GatewayTap}s see them: raw path and query,
 * lower-cased header names, the bodies as sent, who answered and, for an API route, its route key and function.
 *
 * @param routeKey the matched route ({@code GET /v1/orders/{orderId}}), or null when no API route matched
 * @param function the function serving {@code routeKey}, or null
 */
public record GatewayExchange(
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        Answerer answeredBy,
        String routeKey,
        String function,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    /** Who wrote the answer. */
    public enum Answerer {
        /** The route's function (its own status and body). */
        FUNCTION,
        /** The JWT authorizer refused the token: 401 or 403 before the function ran. */
        AUTHORIZER,
        /** The gateway itself: no such route (404), too large (413), a failed function (500). */
        GATEWAY,
        /** A laptop-only page: the {@code /local/} helpers, {@code /openapi.yaml}, {@code /docs}. */
        LAPTOP
    }

    public GatewayExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(answeredBy, "answeredBy");
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
        requestBody = requestBody == null ? new byte[0] : requestBody;
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    /** The first value of a response header, by lower-case name. */
    public String responseHeader(String lowerCaseName) {
        List<String> values = responseHeaders.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The first value of a request header, by lower-case name. */
    public String requestHeader(String lowerCaseName) {
        List<String> values = requestHeaders.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQueryString == null || rawQueryString.isEmpty() ? "" : "?" + rawQueryString)
                + " → " + status + " (" + answeredBy + (routeKey == null ? "" : ", " + routeKey) + ")";
    }
}
