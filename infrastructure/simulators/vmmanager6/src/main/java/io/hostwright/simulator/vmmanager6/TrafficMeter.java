package io.hostwright.simulator.vmmanager6;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One host's traffic over time: its rate applies while it is powered on; either may change at any instant, and
 * bursts add bytes at once. {@link #between} is exact to the millisecond: rate × milliseconds powered on, rounded
 * down to whole bytes once per window, plus the bursts in it. Guarded by the {@link World} lock.
 */
final class TrafficMeter {

    /** Maximum burst per call and direction: 10^15 bytes (a petabyte). */
    static final long MAX_BURST_BYTES = 1_000_000_000_000_000L;

    /** From {@code at} (epoch ms) on: these rates while {@code on}. */
    private record Segment(long at, TrafficRate rate, boolean on) {
    }

    private record Burst(long at, long bytesIn, long bytesOut) {
    }

    /** Bytes each way. */
    record Bytes(long in, long out) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<Burst> bursts = new ArrayList<>();

    /** Everything it counted, as kept across restarts; times in epoch milliseconds. */
    record State(List<SegmentState> segments, List<BurstState> bursts) {
    }

    record SegmentState(long at, TrafficRate rate, boolean on) {
    }

    record BurstState(long at, long bytesIn, long bytesOut) {
    }

    State state() {
        return new State(segments.stream().map(s -> new SegmentState(s.at(), s.rate(), s.on())).toList(),
                bursts.stream().map(b -> new BurstState(b.at(), b.bytesIn(), b.bytesOut())).toList());
    }

    /** Counts on from {@code state}, as if it had never stopped. */
    void restore(State state) {
        segments.clear();
        state.segments().forEach(s -> segments.add(new Segment(s.at(), s.rate(), s.on())));
        bursts.clear();
        state.bursts().forEach(b -> bursts.add(new Burst(b.at(), b.bytesIn(), b.bytesOut())));
    }

    /** Counting starts at {@code start}, powered off. */
    TrafficMeter(TrafficRate rate, Instant start) {
        segments.add(new Segment(start.toEpochMilli(), rate, false));
    }

    TrafficRate rate() {
        return segments.getLast().rate();
    }

    void rate(TrafficRate rate, Instant now) {
        add(new Segment(now.toEpochMilli(), rate, segments.getLast().on()));
    }

    void power(boolean on, Instant now) {
        add(new Segment(now.toEpochMilli(), segments.getLast().rate(), on));
    }

    void burst(long bytesIn, long bytesOut, Instant now) {
        bursts.add(new Burst(now.toEpochMilli(), bytesIn, bytesOut));
    }

    /** Bytes moved within {@code [from, to)} as seen at {@code now}: flow up to now, bursts made within. */
    Bytes between(Instant from, Instant to, Instant now) {
        long start = from.toEpochMilli();
        long end = Math.min(to.toEpochMilli(), now.toEpochMilli());
        long[] in = {0, 0};
        long[] out = {0, 0};
        forEachOnPiece(start, end, (segment, millis) -> {
            add(in, segment.rate().bytesInPerSecond(), millis);
            add(out, segment.rate().bytesOutPerSecond(), millis);
        });
        long burstIn = 0;
        long burstOut = 0;
        for (Burst burst : bursts) {
            if (burst.at() >= start && burst.at() < to.toEpochMilli()) {
                burstIn += burst.bytesIn();
                burstOut += burst.bytesOut();
            }
        }
        return new Bytes(in[0] + in[1] / 1_000 + burstIn, out[0] + out[1] / 1_000 + burstOut);
    }

    /** Milliseconds powered on within {@code [from, min(to, now))}. */
    long onMillis(Instant from, Instant to, Instant now) {
        long[] total = {0};
        forEachOnPiece(from.toEpochMilli(), Math.min(to.toEpochMilli(), now.toEpochMilli()),
                (segment, millis) -> total[0] += millis);
        return total[0];
    }

    /** {@code sum[0]} whole bytes, {@code sum[1]} milli-bytes (rate × ms), without overflow for a day at MAX. */
    private static void add(long[] sum, long perSecond, long millis) {
        sum[0] += perSecond * (millis / 1_000);
        sum[1] += perSecond * (millis % 1_000);
    }

    private interface Piece {
        void accept(Segment segment, long millis);
    }

    private void forEachOnPiece(long start, long end, Piece piece) {
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            long segmentEnd = i + 1 < segments.size() ? segments.get(i + 1).at() : Long.MAX_VALUE;
            long a = Math.max(start, segment.at());
            long b = Math.min(end, segmentEnd);
            if (segment.on() && b > a) {
                piece.accept(segment, b - a);
            }
        }
    }

    /** Time never runs backwards here, even if a test clock does; a change at the same instant replaces. */
    private void add(Segment segment) {
        Segment last = segments.getLast();
        long at = Math.max(segment.at(), last.at());
        if (at == last.at()) {
            segments.removeLast();
        }
        segments.add(new Segment(at, segment.rate(), segment.on()));
    }
}
