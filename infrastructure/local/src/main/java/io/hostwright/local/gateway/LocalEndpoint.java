package io.hostwright.local.gateway;

import io.hostwright.domain.problem.Violation;
import io.hostwright.lambda.api.Problem;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A laptop-only helper route under {@code /local/} (token issuing, the mail store, running a schedule now). Never in
 * the manifest, never deployed; answered by the gateway itself, without the authorizer.
 */
public record LocalEndpoint(String method, RouteTemplate path, Handler handler) {

    public LocalEndpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (!(path.template() + "/").startsWith(RouteTable.LOCAL_PREFIX)) {
            throw new IllegalArgumentException("laptop helpers live under " + RouteTable.LOCAL_PREFIX + ": " + path.template());
        }
    }

    public static LocalEndpoint of(String method, String path, Handler handler) {
        return new LocalEndpoint(method, RouteTemplate.parse(path), handler);
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws Exception;
    }

    /** Path parameters, decoded query parameters, body bytes. */
    public record Request(Map<String, String> pathParameters, Map<String, String> query, byte[] body) {
        public Request {
            pathParameters = Map.copyOf(pathParameters);
            query = Map.copyOf(query);
        }
    }

    /** A JSON reply; {@code body} is written with the project's JSON mapper. */
    public record Reply(int status, String contentType, Object body) {

        public static Reply json(int status, Object body) {
            return new Reply(status, "application/json", body);
        }

        /** A problem-details reply naming the field at fault, the API's one error shape. */
        public static Reply invalid(String field, String message) {
            return new Reply(400, Problem.CONTENT_TYPE, new Problem("https://hostwright.io/problems/invalid-request",
                    "Invalid request", 400, field + " " + message, List.of(new Violation(field, message))));
        }

        public static Reply notFound(String detail) {
            return new Reply(404, Problem.CONTENT_TYPE, Problem.of(404, "not-found", "Not found", detail));
        }
    }
}
