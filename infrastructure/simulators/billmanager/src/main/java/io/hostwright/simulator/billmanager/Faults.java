package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.http.PathPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted faults. Every API call goes to {@code /billmgr}, so the simulator logs and matches a call as
 * {@code /billmgr/<func>}: {@code match} is {@code "POST /billmgr/soft.order.param"}, or without a method
 * ({@code "/billmgr/service.prolong"}) for GET and POST alike (see {@link PathPattern}). A fault holds for a number of
 * calls ({@link #next}, {@link #delay}: used up in the order added) or until cleared ({@link #failing},
 * {@link #slow}: standing conditions, never used up). One call takes at most one fault: the first counted one that
 * matches, else the first standing one. Faults apply to calls of known funcs that passed authentication (or need
 * none: {@code func=auth}), never to the control API.
 */
public final class Faults {

    public static final String AUTH = "/billmgr/auth";
    public static final String ORDER = "/billmgr/soft.order.param";
    public static final String PROLONG = "/billmgr/service.prolong";
    public static final String EDIT = "/billmgr/soft.edit";
    public static final String NEW_KEY = "/billmgr/soft.newkey";
    public static final String LIST = "/billmgr/soft";

    private record Rule(PathPattern pattern, String match, Fault.Effect effect, int[] remaining) {
        boolean untilCleared() {
            return remaining[0] == Fault.UNTIL_CLEARED;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} matching calls answer {@code status} (type {@code internal}; 503 with an empty body). */
    public Faults next(int times, String match, int status) {
        return add(times, match, new Fault.Answer(status));
    }

    /** The next {@code times} matching calls answer {@code status} with an error of {@code type} and {@code message}. */
    public Faults next(int times, String match, int status, String type, String message) {
        return add(times, match, new Fault.Answer(status, type, message, status == 429 ? 1 : 0, Duration.ZERO));
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
        return untilCleared(match, new Fault.Answer(status, BillError.INTERNAL, defaultMessage(status),
                status == 429 ? 1 : 0, delay));
    }

    /** Every matching call waits {@code delay} and then runs, until cleared: the func's own latency. */
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

    /** Removes every fault, counted or standing, aimed at what {@code match} names. */
    public synchronized void clear(String match) {
        PathPattern pattern = PathPattern.parse(match);
        rules.removeIf(r -> r.pattern().sameAs(pattern));
    }

    /** The effect for this call, if a fault matches; uses up one call of a counted fault. */
    synchronized Optional<Fault.Effect> take(String method, String path) {
        for (Rule rule : ordered()) {
            if (rule.pattern().matches(method, path, path)) {
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
            case 200 -> "Simulated error";
            case 429 -> "Too many requests";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Simulated failure";
        };
    }
}
