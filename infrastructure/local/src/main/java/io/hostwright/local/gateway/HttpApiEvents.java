package io.hostwright.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload-format-2.0 event API Gateway's HTTP API sends a Lambda integration: version, route key, raw
 * path and query, lower-cased headers (repeated values comma-joined, cookies moved to {@code cookies}), query and
 * path parameters, the body (base64 when it is not UTF-8 text) and the request context with the JWT authorizer's
 * claims.
 */
final class HttpApiEvents {

    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    static APIGatewayV2HTTPEvent build(IncomingRequest request, RouteMatch match, AuthorizerDecision authorization,
                                       String requestId, Instant now) {
        Body body = body(request.body());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().route().routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString())
                .withCookies(cookies(request))
                .withHeaders(headers(request))
                .withQueryStringParameters(queryParameters(request.rawQueryString()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.text())
                .withIsBase64Encoded(body.base64())
                .withRequestContext(RequestContext.builder()
                        .withAccountId(ACCOUNT_ID)
                        .withApiId(API_ID)
                        .withDomainName("127.0.0.1")
                        .withDomainPrefix("127")
                        .withStage("$default")
                        .withRouteKey(match.route().route().routeKey())
                        .withRequestId(requestId)
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(request.rawPath())
                                .withProtocol(request.protocol())
                                .withSourceIp(request.sourceIp())
                                .withUserAgent(request.header("user-agent"))
                                .build())
                        .withAuthorizer(authorizer(authorization))
                        .build())
                .build();
    }

    private static RequestContext.Authorizer authorizer(AuthorizerDecision decision) {
        if (!(decision instanceof AuthorizerDecision.Authorized authorized)) {
            return null;
        }
        return RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder()
                        .withClaims(authorized.claims())
                        .withScopes(authorized.scopes().isEmpty() ? null : authorized.scopes())
                        .build())
                .build();
    }

    private static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-port", String.valueOf(request.localPort()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        return headers;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> values = request.headers().get("cookie");
        if (values == null) {
            return null;
        }
        List<String> cookies = new ArrayList<>();
        values.forEach(v -> Arrays.stream(v.split(";")).map(String::strip).filter(c -> !c.isEmpty()).forEach(cookies::add));
        return cookies.isEmpty() ? null : cookies;
    }

    /** Decoded query parameters, repeated names comma-joined as API Gateway does; null when there is no query. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private record Body(String text, boolean base64) {
    }

    private static Body body(byte[] bytes) {
        if (bytes.length == 0) {
            return new Body(null, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Body(text, false);
        } catch (CharacterCodingException notText) {
            return new Body(Base64.getEncoder().encodeToString(bytes), true);
        }
    }
}
