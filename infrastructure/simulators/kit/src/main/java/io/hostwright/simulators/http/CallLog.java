package io.hostwright.simulators.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} API calls, oldest first, logged once answered; and the last {@value #CAPACITY}
 * arrivals, logged before anything else happens to a call, so one held up by a delay fault is counted already.
 */
public final class CallLog {

    /** How many calls, and how many arrivals, the log keeps. */
    public static final int CAPACITY = 10_000;

    private record Arrival(String method, String path, String template) {
    }

    private final Deque<Call> calls = new ArrayDeque<>();
    private final Deque<Arrival> arrivals = new ArrayDeque<>();

    /** Logs an answered call, dropping the oldest when full. */
    public synchronized void add(Call call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** Logs a call on arrival, before faults, delays or the endpoint. */
    public synchronized void arrived(String method, String path, String template) {
        if (arrivals.size() == CAPACITY) {
            arrivals.removeFirst();
        }
        arrivals.addLast(new Arrival(method, path, template));
    }

    /** The answered calls kept, oldest first. */
    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    /** How many kept answered calls match, as {@link Call#matches} reads {@code match}. */
    public synchronized long count(String match) {
        PathPattern pattern = PathPattern.parse(match);
        return calls.stream().filter(c -> pattern.matches(c.method(), c.template(), c.path())).count();
    }

    /** How many kept arrivals match {@code match}, answered or not. */
    public synchronized long arrivals(String match) {
        PathPattern pattern = PathPattern.parse(match);
        return arrivals.stream().filter(a -> pattern.matches(a.method(), a.template(), a.path())).count();
    }

    /** Forgets every call and arrival. */
    public synchronized void clear() {
        calls.clear();
        arrivals.clear();
    }
}
