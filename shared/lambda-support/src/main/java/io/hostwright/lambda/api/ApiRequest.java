package io.hostwright.lambda.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.problem.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read-side view of an API Gateway HTTP API (payload 2.0) request. */
public final class ApiRequest {

    /** Largest order body accepted; anything bigger is refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** e.g. {@code GET /v1/orders/{orderId}}; set by API Gateway (and by the local gateway) from the matched route. */
    public String routeKey() {
        return event.getRouteKey();
    }

    /**
     * A path parameter; ids only, so one that cannot be an id ({@link Ids}) is refused here with a 404 naming it.
     *
     * @throws NoSuchId when the value cannot be the id of anything
     */
    public Optional<String> pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        Optional<String> value = params == null ? Optional.empty() : Optional.ofNullable(params.get(name));
        value.map(Ids::whyNot).ifPresent(why -> {
            throw new NoSuchId(name, why);
        });
        return value;
    }

    /** Header lookup ignoring case (API Gateway lower-cases names, clients may not). */
    /** A query parameter (repeated ones come comma-joined, as API Gateway passes them). */
    public Optional<String> queryParameter(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Optional.empty() : Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The body as bytes, refused when larger than {@link #MAX_BODY_BYTES}. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? decodeBase64(body)
                : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge(bytes.length);
        }
        return bytes;
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("body", "is not valid base64");
        }
    }

    /**
     * The customer the authorizer verified: {@code sub} and {@code email} claims of the JWT.
     *
     * @throws Unauthenticated when there is no verified subject (a route wired without the authorizer)
     */
    public Customer customer() {
        Map<String, String> claims = claims();
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new Unauthenticated();
        }
        return new Customer(sub, claims.getOrDefault("email", ""));
    }

    /**
     * A route behind the JWT authorizer must know who calls: API Gateway's authorizer checks signature, issuer,
     * audience and times but not {@code sub}, so a verified token without one is refused here, on every token route.
     *
     * @throws Unauthenticated when the request carries a verified token without a {@code sub}
     */
    public void requireSubjectWhenAuthorized() {
        var context = event.getRequestContext();
        boolean authorized = context != null && context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null;
        if (authorized) {
            String sub = claims().get("sub");
            if (sub == null || sub.isBlank()) {
                throw new Unauthenticated();
            }
        }
    }

    private Map<String, String> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /** Thrown when a body exceeds {@link #MAX_BODY_BYTES}. */
    public static final class PayloadTooLarge extends RuntimeException {
        public PayloadTooLarge(int size) {
            super("body of " + size + " bytes exceeds the limit of " + MAX_BODY_BYTES + " bytes", null, false, false);
        }
    }

    /** Thrown when a path parameter cannot be the id of anything: there is nothing by that id. */
    public static final class NoSuchId extends RuntimeException {
        private final String parameter;
        private final String why;

        public NoSuchId(String parameter, String why) {
            super(parameter + " " + why + ", so nothing has it", null, false, false);
            this.parameter = parameter;
            this.why = why;
        }

        public String parameter() {
            return parameter;
        }

        public String why() {
            return why;
        }
    }

    /** Thrown when a customer route runs without a verified token. */
    public static final class Unauthenticated extends RuntimeException {
        public Unauthenticated() {
            super("a valid bearer token is required", null, false, false);
        }
    }
}
