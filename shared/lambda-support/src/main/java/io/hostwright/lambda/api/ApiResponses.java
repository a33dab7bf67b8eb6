package io.hostwright.lambda.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.DomainException;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Precondition;
import io.hostwright.domain.problem.Unavailable;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Map;

/** Builds HTTP API responses: JSON bodies and problem details. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    /** A text body of the given media type (a CSV export). */
    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body,
                                                Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    /** 204: done, nothing to say (a deletion). */
    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(Map.of("Content-Type", Problem.CONTENT_TYPE))
                .withBody(Json.write(problem))
                .build();
    }

    /** The response for a request the domain refused. */
    public static APIGatewayV2HTTPResponse problem(DomainException refused) {
        return problem(switch (refused) {
            case InvalidRequest invalid -> new Problem("https://hostwright.io/problems/invalid-request",
                    "Invalid request", 400, invalid.getMessage(), invalid.violations());
            case NotFound notFound -> Problem.of(404, "not-found", "Not found", notFound.getMessage());
            case Conflict conflict -> new Problem("https://hostwright.io/problems/conflict", "Conflict", 409,
                    conflict.getMessage(), conflict.field() == null ? null
                            : List.of(new Violation(conflict.field(), conflict.getMessage())));
            case IdempotencyKeyReused reused -> new Problem("https://hostwright.io/problems/idempotency-key-reused",
                    "Idempotency key reused", 422, reused.getMessage(),
                    List.of(new Violation(reused.header(), reused.getMessage())));
            case Unavailable unavailable -> Problem.of(503, "unavailable", "Service unavailable",
                    unavailable.getMessage());
            case Precondition precondition -> new Problem("https://hostwright.io/problems/"
                    + (precondition.missing() ? "precondition-required" : "precondition-failed"),
                    precondition.missing() ? "Precondition required" : "Precondition failed",
                    precondition.missing() ? 428 : 412, precondition.getMessage(),
                    List.of(new Violation(Precondition.HEADER, precondition.getMessage())));
        });
    }

    /**
     * Answers an API request with {@code route}; a refusal (domain or edge) becomes its problem response, anything
     * else goes to {@code unexpected}, which logs it and picks the 5xx. A verified token without {@code sub} is
     * refused first (401), whatever the route.
     */
    public static APIGatewayV2HTTPResponse routed(APIGatewayV2HTTPEvent event,
                                                  Function<ApiRequest, APIGatewayV2HTTPResponse> route,
                                                  BiFunction<ApiRequest, RuntimeException, APIGatewayV2HTTPResponse> unexpected) {
        ApiRequest request = new ApiRequest(event);
        try {
            request.requireSubjectWhenAuthorized();
            return route.apply(request);
        } catch (RuntimeException e) {
            try {
                return problemFor(e);
            } catch (RuntimeException notARefusal) {
                return unexpected.apply(request, notARefusal);
            }
        }
    }

    /** The 404 for a route key the function does not serve. */
    public static APIGatewayV2HTTPResponse noRoute(ApiRequest request) {
        return problem(Problem.of(404, "not-found", "Not found", "no route " + request.routeKey()));
    }

    /** Maps the edge's own refusals and the domain's; anything else is the caller's bug and is rethrown. */
    public static APIGatewayV2HTTPResponse problemFor(RuntimeException e) {
        return switch (e) {
            case DomainException refused -> problem(refused);
            case ApiRequest.PayloadTooLarge tooLarge -> problem(new Problem(
                    "https://hostwright.io/problems/payload-too-large", "Payload too large", 413,
                    tooLarge.getMessage(), List.of(new Violation("body", tooLarge.getMessage()))));
            case ApiRequest.NoSuchId noSuchId -> problem(new Problem("https://hostwright.io/problems/not-found",
                    "Not found", 404, noSuchId.getMessage(),
                    List.of(new Violation(noSuchId.parameter(), noSuchId.why()))));
            case ApiRequest.Unauthenticated unauthenticated -> problem(Problem.of(401, "unauthenticated",
                    "Unauthenticated", unauthenticated.getMessage()));
            default -> throw e;
        };
    }

    /** 503 for a dependency outage: the request may be retried as is (with the same idempotency key). */
    public static APIGatewayV2HTTPResponse unavailable(String requestId) {
        APIGatewayV2HTTPResponse response = problem(Problem.of(503, "unavailable", "Service unavailable",
                "a dependency is unavailable; retry the same request shortly (request id " + requestId + ")"));
        response.setHeaders(Map.of("Content-Type", Problem.CONTENT_TYPE, "Retry-After", "2"));
        return response;
    }

    /** 500 without internals; the cause goes to the logs, not to the client. */
    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        return problem(Problem.of(500, "internal-error", "Internal error",
                "something went wrong on our side; quote request id " + requestId + " to support"));
    }
}
