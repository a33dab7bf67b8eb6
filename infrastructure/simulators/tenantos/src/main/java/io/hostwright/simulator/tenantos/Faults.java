package io.hostwright.simulator.tenantos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted faults, consumed in the order they were added. {@code match} is {@code "METHOD /path/template"} — e.g.
 * {@code "POST /api/servers/{id}/provisioning/startReinstallation"} — with a concrete id to aim at one server, or
 * without a method for all methods (see {@link PathPattern}). One call consumes at most one fault. Faults apply to
 * authenticated calls of known routes only, and never to the control API.
 */
public final class Faults {

    public static final String START_REINSTALLATION = "POST /api/servers/{id}/provisioning/startReinstallation";

    private record Rule(PathPattern pattern, String match, Fault.Effect effect, int[] remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} matching calls answer {@code status}; a 429 says {@code Retry-After: 1}. */
    public Faults next(int times, String match, int status) {
        return next(times, match, status, defaultMessage(status));
    }

    public Faults next(int times, String match, int status, String message) {
        return add(times, match, new Fault.Answer(status, message, status == 429 ? 1 : 0));
    }

    public Faults tooManyRequests(int times, String match, int retryAfterSeconds) {
        return add(times, match, new Fault.Answer(429, defaultMessage(429), retryAfterSeconds));
    }

    /** The next matching calls wait {@code delay} and then run: set it past the client's timeout. */
    public Faults delay(int times, String match, Duration delay) {
        return add(times, match, new Fault.Delay(delay));
    }

    /** The next {@code times} installs started (on any server) fail. */
    public Faults failInstalls(int times) {
        return failInstalls(times, START_REINSTALLATION);
    }

    /** The next {@code times} installs started by calls matching {@code match} fail. */
    public Faults failInstalls(int times, String match) {
        return add(times, match, new Fault.FailInstall("scripted install failure"));
    }

    public synchronized Faults add(int times, String match, Fault.Effect effect) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        rules.add(new Rule(PathPattern.parse(match), match, effect, new int[] {times}));
        return this;
    }

    public synchronized List<Fault> pending() {
        return rules.stream().map(r -> new Fault(r.match(), r.remaining()[0], r.effect())).toList();
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The effect for this call, if a fault matches; consumes one use of it. */
    synchronized Optional<Fault.Effect> take(String method, String template, String path) {
        for (Rule rule : rules) {
            if (rule.pattern().matches(method, template, path)) {
                if (--rule.remaining()[0] == 0) {
                    rules.remove(rule);
                }
                return Optional.of(rule.effect());
            }
        }
        return Optional.empty();
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 429 -> "Too Many Attempts.";
            case 500 -> "Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Simulated failure";
        };
    }
}
