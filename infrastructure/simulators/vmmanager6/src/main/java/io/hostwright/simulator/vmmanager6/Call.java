package io.hostwright.simulator.vmmanager6;

import java.time.Instant;

/**
 * One API call the simulator answered. {@code template} is the route's ({@code /vm/v3/host/{id}}), or the raw path
 * when no route matched.
 */
public record Call(Instant at, String method, String path, String template, int status) {

    /** As {@code callCount} and faults match: {@code "POST /vm/v3/host/{id}/start"}, {@code "/vm/v3/host"}, ... */
    public boolean matches(String match) {
        return PathPattern.parse(match).matches(method, template, path);
    }
}
