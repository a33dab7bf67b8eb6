package io.hostwright.simulators.http;

import java.time.Instant;

/**
 * One API call a simulator answered. {@code template} is the route's ({@code /api/servers/{id}},
 * {@code /vm/v3/host/{id}}), or the raw path when no route matched.
 *
 * @param at       when it was answered
 * @param method   the HTTP method
 * @param path     the request's path, without the query
 * @param template the matched route's template, else {@code path}
 * @param status   the HTTP status answered
 */
public record Call(Instant at, String method, String path, String template, int status) {

    /** As call counts and faults match: {@code "PUT /api/servers/{id}"}, {@code "/vm/v3/host"}, ... */
    public boolean matches(String match) {
        return PathPattern.parse(match).matches(method, template, path);
    }
}
