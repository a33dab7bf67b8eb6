package io.hostwright.simulator.tenantos;

import java.time.Instant;

/**
 * One API call the simulator answered. {@code template} is the route's ({@code /api/servers/{id}}), or the raw path
 * when no route matched.
 */
public record Call(Instant at, String method, String path, String template, int status) {

    /** As {@code callCount} and faults match: {@code "PUT /api/servers/{id}"}, {@code "/api/users"}, ... */
    public boolean matches(String match) {
        return PathPattern.parse(match).matches(method, template, path);
    }
}
