package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.PathPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted faults. {@code match} is {@code "METHOD /path/template"} — e.g.
 * {@code "POST /api/servers/{id}/provisioning/startReinstallation"} — with a concrete id to aim at one server, or
 * without a method for all methods (see {@link PathPattern}). A fault holds for a number of calls ({@link #next},
 * {@link #delay}, …: used up in the order added) or until cleared ({@link #failing}, {@link #slow}, …: standing
 * conditions, never used up). One call takes at most one fault: the first counted one that matches, else the first
 * standing one. Faults apply to authenticated calls of known routes only, and never to the control API.
 */
public final class Faults {

    public static final String START_REINSTALLATION = "POST /api/servers/{id}/provisioning/startReinstallation";
    /** The traffic statistics of every server, in every mode. */
    public static final String NETWORK_STATS = "POST /api/servers/{id}/stats/network/{mode}";

    private record Rule(PathPattern pattern, String match, Fault.Effect effect, int[] remaining) {
        boolean untilCleared() {
            return remaining[0] == Fault.UNTIL_CLEARED;
        }
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

    /** Every matching call answers {@code status} at once until cleared; a 429 says {@code Retry-After: 1}. */
    public Faults failing(String match, int status) {
        return failing(match, status, Duration.ZERO);
    }

    /** Every matching call waits {@code delay}, then answers {@code status}, until cleared (a slow failure). */
    public Faults failing(String match, int status, Duration delay) {
        return untilCleared(match, new Fault.Answer(status, defaultMessage(status), status == 429 ? 1 : 0, delay));
    }

    /**
     * Every matching call waits {@code delay} and then runs, until cleared: the route's own latency, on top of the
     * global {@link Settings#latency()}.
     */
    public Faults slow(String match, Duration delay) {
        return untilCleared(match, new Fault.Delay(delay));
    }

    /** {@code effect} for every matching call until cleared; counted faults that match go first. */
    public synchronized Faults untilCleared(String match, Fault.Effect effect) {
        rules.add(new Rule(PathPattern.parse(match), match, effect, new int[] {Fault.UNTIL_CLEARED}));
        return this;
    }

    public synchronized Faults add(int times, String match, Fault.Effect effect) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        rules.add(new Rule(PathPattern.parse(match), match, effect, new int[] {times}));
        return this;
    }

    /** Counted faults first, then standing ones, each in the order added. */
    public synchronized List<Fault> pending() {
        return ordered().stream().map(r -> new Fault(r.match(), r.remaining()[0], r.effect())).toList();
    }

    public synchronized void clear() {
        rules.clear();
    }

    /**
     * Removes every fault, counted or standing, aimed at what {@code match} names; placeholders are alike whatever
     * their names, so a {@code *} where the fault said {@code {id}} clears it too.
     */
    public synchronized void clear(String match) {
        PathPattern pattern = PathPattern.parse(match);
        rules.removeIf(r -> r.pattern().sameAs(pattern));
    }

    /** The effect for this call, if a fault matches; uses up one call of a counted fault. */
    synchronized Optional<Fault.Effect> take(String method, String template, String path) {
        for (Rule rule : ordered()) {
            if (rule.pattern().matches(method, template, path)) {
                if (!rule.untilCleared() && --rule.remaining()[0] == 0) {
                    rules.remove(rule);
                }
                return Optional.of(rule.effect());
            }
        }
        return Optional.empty();
    }

    private List<Rule> ordered() {
        List<Rule> ordered = new ArrayList<>(rules.size());
        rules.stream().filter(r -> !r.untilCleared()).forEach(ordered::add);
        rules.stream().filter(Rule::untilCleared).forEach(ordered::add);
        return ordered;
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
