package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One server's traffic over time, as its switch port counts it: a rate that applies while traffic flows (both may
 * change at any instant), bytes added at once (bursts) and counter resets. What {@link #between} reports for a
 * window is exact to the millisecond: the rate in force × the milliseconds traffic flowed, rounded down to whole
 * bytes once per window, plus the bursts and minus the resets that fall in it. Every read is a binary search, so
 * it costs the same however long the server has run. Guarded by the {@link World} lock.
 */
final class TrafficMeter {

    /** From {@code at} on, bytes move at these rates (0 while traffic does not flow); {@code *Before}: since start. */
    private record Step(long at, long inPerSecond, long outPerSecond, MilliBytes inBefore, MilliBytes outBefore) {
    }

    /**
     * Bytes counted at one instant, a burst (positive) or a reset (minus the counter), kept as {@code through}: the
     * sum of every event up to and including this one.
     */
    private record Event(long at, TrafficBytes through) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private TrafficRate rate;
    private boolean flowing;
    private Instant counterSince;
    /** Events up to and including the last reset: they are not in the counter any more. */
    private int eventsBeforeCounter;

    /** Everything it counted, as kept across restarts; times in epoch milliseconds. */
    record State(TrafficRate rate, boolean flowing, long counterSince, int eventsBeforeCounter, List<StepState> steps,
                 List<EventState> events) {
    }

    record StepState(long at, long inPerSecond, long outPerSecond, MilliBytes inBefore, MilliBytes outBefore) {
    }

    record EventState(long at, TrafficBytes through) {
    }

    State state() {
        return new State(rate, flowing, counterSince.toEpochMilli(), eventsBeforeCounter,
                steps.stream().map(s -> new StepState(s.at(), s.inPerSecond(), s.outPerSecond(), s.inBefore(),
                        s.outBefore())).toList(),
                events.stream().map(e -> new EventState(e.at(), e.through())).toList());
    }

    /** Counts on from {@code state}, as if it had never stopped. */
    void restore(State state) {
        rate = state.rate();
        flowing = state.flowing();
        counterSince = Instant.ofEpochMilli(state.counterSince());
        eventsBeforeCounter = state.eventsBeforeCounter();
        steps.clear();
        state.steps().forEach(s -> steps.add(new Step(s.at(), s.inPerSecond(), s.outPerSecond(), s.inBefore(),
                s.outBefore())));
        events.clear();
        state.events().forEach(e -> events.add(new Event(e.at(), e.through())));
    }

    /** Counting starts at {@code start}, with traffic not flowing yet. */
    TrafficMeter(TrafficRate rate, Instant start) {
        this.rate = rate;
        this.counterSince = start;
        steps.add(new Step(start.toEpochMilli(), 0, 0, MilliBytes.ZERO, MilliBytes.ZERO));
    }

    TrafficRate rate() {
        return rate;
    }

    boolean flowing() {
        return flowing;
    }

    Instant counterSince() {
        return counterSince;
    }

    /** Whether traffic flows from {@code now} on (a customer owns the server, it is on, a port is up). */
    void flowing(boolean flows, Instant now) {
        flowing = flows;
        step(now);
    }

    /** The rate that applies from {@code now} on while traffic flows. */
    void rate(TrafficRate newRate, Instant now) {
        rate = newRate;
        step(now);
    }

    /** {@code bytes} counted at {@code now}, whether or not traffic flows. */
    void burst(TrafficBytes bytes, Instant now) {
        event(bytes, now);
    }

    /**
     * The counter starts again from 0 at {@code now}: the interval holding {@code now} reports the counter it had
     * (everything since the start or the reset before, bursts included) less. Answers that counter.
     */
    TrafficBytes reset(Instant now) {
        TrafficBytes dropped = counter(now);
        event(dropped.negated(), now);
        counterSince = now;
        eventsBeforeCounter = events.size();
        return dropped;
    }

    /** What the counter reads at {@code now}: bytes since the start or the last reset, bursts included. */
    TrafficBytes counter(Instant now) {
        long since = counterSince.toEpochMilli();
        long until = now.toEpochMilli();
        TrafficBytes flowed = until > since ? flowed(since, until) : TrafficBytes.NONE;
        TrafficBytes before = eventsBeforeCounter == 0 ? TrafficBytes.NONE
                : events.get(eventsBeforeCounter - 1).through();
        TrafficBytes all = events.isEmpty() ? TrafficBytes.NONE : events.getLast().through();
        return flowed.plus(all.plus(before.negated()));
    }

    /** What the switch counted within {@code [from, to)} as seen at {@code now}: flow up to now, bursts, resets. */
    TrafficBytes between(Instant from, Instant to, Instant now) {
        long nowMillis = now.toEpochMilli();
        long start = Math.min(from.toEpochMilli(), nowMillis);
        long end = Math.min(to.toEpochMilli(), nowMillis);
        TrafficBytes flowed = end > start ? flowed(start, end) : TrafficBytes.NONE;
        int first = firstEventAtOrAfter(from.toEpochMilli());
        int last = firstEventAtOrAfter(to.toEpochMilli());
        if (last <= first) {
            return flowed;
        }
        TrafficBytes before = first == 0 ? TrafficBytes.NONE : events.get(first - 1).through();
        return flowed.plus(events.get(last - 1).through().plus(before.negated()));
    }

    private TrafficBytes flowed(long from, long to) {
        Step a = stepAt(from);
        Step b = stepAt(to);
        return new TrafficBytes(inAt(b, to).bytesSince(inAt(a, from)), outAt(b, to).bytesSince(outAt(a, from)));
    }

    private static MilliBytes inAt(Step step, long at) {
        return step == null ? MilliBytes.ZERO : step.inBefore().plus(step.inPerSecond(), at - step.at());
    }

    private static MilliBytes outAt(Step step, long at) {
        return step == null ? MilliBytes.ZERO : step.outBefore().plus(step.outPerSecond(), at - step.at());
    }

    /** The step in force at {@code at}; null before the first. */
    private Step stepAt(long at) {
        int low = 0;
        int high = steps.size() - 1;
        Step found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Step step = steps.get(mid);
            if (step.at() <= at) {
                found = step;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private int firstEventAtOrAfter(long at) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).at() < at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** A new step when the effective rate changes; time never runs backwards here, even if a test clock does. */
    private void step(Instant now) {
        Step last = steps.getLast();
        long at = Math.max(now.toEpochMilli(), last.at());
        long in = flowing ? rate.bytesInPerSecond() : 0;
        long out = flowing ? rate.bytesOutPerSecond() : 0;
        if (in == last.inPerSecond() && out == last.outPerSecond()) {
            return;
        }
        if (at == last.at()) {
            steps.set(steps.size() - 1, new Step(at, in, out, last.inBefore(), last.outBefore()));
        } else {
            steps.add(new Step(at, in, out, inAt(last, at), outAt(last, at)));
        }
    }

    private void event(TrafficBytes bytes, Instant now) {
        long at = events.isEmpty() ? now.toEpochMilli() : Math.max(now.toEpochMilli(), events.getLast().at());
        events.add(new Event(at, events.isEmpty() ? bytes : events.getLast().through().plus(bytes)));
    }
}
