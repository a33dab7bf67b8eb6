package io.hostwright.simulator.tenantos;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@value #CAPACITY} API calls, oldest first. */
final class CallLog {

    static final int CAPACITY = 10_000;

    private final Deque<Call> calls = new ArrayDeque<>();

    synchronized void add(Call call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized long count(String match) {
        PathPattern pattern = PathPattern.parse(match);
        return calls.stream().filter(c -> pattern.matches(c.method(), c.template(), c.path())).count();
    }

    synchronized void clear() {
        calls.clear();
    }
}
