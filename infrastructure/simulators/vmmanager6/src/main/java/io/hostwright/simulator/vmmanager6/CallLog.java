package io.hostwright.simulator.vmmanager6;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} API calls, oldest first, logged once answered; and the last {@value #CAPACITY}
 * arrivals, logged before anything else happens to a call, so one held up by a delay fault is counted already.
 */
final class CallLog {

    static final int CAPACITY = 10_000;

    private record Arrival(String method, String path, String template) {
    }

    private final Deque<Call> calls = new ArrayDeque<>();
    private final Deque<Arrival> arrivals = new ArrayDeque<>();

    synchronized void add(Call call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized void arrived(String method, String path, String template) {
        if (arrivals.size() == CAPACITY) {
            arrivals.removeFirst();
        }
        arrivals.addLast(new Arrival(method, path, template));
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized long count(String match) {
        PathPattern pattern = PathPattern.parse(match);
        return calls.stream().filter(c -> pattern.matches(c.method(), c.template(), c.path())).count();
    }

    synchronized long arrivals(String match) {
        PathPattern pattern = PathPattern.parse(match);
        return arrivals.stream().filter(a -> pattern.matches(a.method(), a.template(), a.path())).count();
    }

    synchronized void clear() {
        calls.clear();
        arrivals.clear();
    }
}
