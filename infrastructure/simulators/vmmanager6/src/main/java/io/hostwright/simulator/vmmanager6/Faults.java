package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.PathPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted faults. {@code match} is {@code "METHOD /path/template"} — e.g. {@code "POST /vm/v3/host"} or
 * {@code "GET /vm/v3/host/{id}/metrics"} — with a concrete id to aim at one host, or without a method for all
 * methods (see {@link PathPattern}). A fault holds for a number of calls ({@link #next}, {@link #delay}: used up in
 * the order added) or until cleared ({@link #failing}, {@link #slow}: standing conditions, never used up). One call
 * takes at most one fault: the first counted one that matches, else the first standing one. Faults apply to calls
 * of known routes that passed authentication (or need none), never to the control API.
 */
public final class Faults {

    public static final String CREATE_HOST = "POST /vm/v3/host";
    public static final String TASKS = "GET /vm/v3/task";
    public static final String TOKEN = "POST /auth/v4/public/token";
    /** The metrics of every host. */
    public static final String METRICS = "GET /vm/v3/host/{id}/metrics";

    private record Rule(PathPattern pattern, String match, Fault.Effect effect, int[] remaining) {
        boolean untilCleared() {
            return remaining[0] == Fault.UNTIL_CLEARED;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} matching calls answer {@code status} (code = status; 503 with an empty body). */
    public Faults next(int times, String match, int status) {
        return add(times, match, new Fault.Answer(status));
    }

    public Faults next(int times, String match, int status, int code, String message) {
        return add(times, match, new Fault.Answer(status, code, message, status == 429 ? 1 : 0, Duration.ZERO));
    }

    /** The next matching calls wait {@code delay} and then run: set it past the client's timeout. */
    public Faults delay(int times, String match, Duration delay) {
        return add(times, match, new Fault.Delay(delay));
    }

    /** Every matching call answers {@code status} at once until cleared. */
    public Faults failing(String match, int status) {
        return untilCleared(match, new Fault.Answer(status));
    }

    /** Every matching call waits {@code delay}, then answers {@code status}, until cleared (a slow failure). */
    public Faults failing(String match, int status, Duration delay) {
        return untilCleared(match, new Fault.Answer(status, status, defaultMessage(status), status == 429 ? 1 : 0,
                delay));
    }

    /** Every matching call waits {@code delay} and then runs, until cleared: the route's own latency. */
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
            case 429 -> "Too many requests";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Simulated failure";
        };
    }
}
