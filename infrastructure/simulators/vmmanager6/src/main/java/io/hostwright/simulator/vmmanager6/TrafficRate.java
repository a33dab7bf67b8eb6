package io.hostwright.simulator.vmmanager6;

/**
 * How fast a host moves bytes while it is powered on: in = received ({@code net_rx}), out = sent ({@code net_tx}).
 */
public record TrafficRate(long bytesInPerSecond, long bytesOutPerSecond) {

    /** 100 GB/s each way: a month at this rate still fits a long. */
    public static final long MAX = 100_000_000_000L;

    public TrafficRate {
        check(bytesInPerSecond, "bytesInPerSecond");
        check(bytesOutPerSecond, "bytesOutPerSecond");
    }

    /** Unless set otherwise: {@code 1000 × (hostId mod 10 + 1)} bytes/s in, four times that out. */
    public static TrafficRate defaultFor(long hostId) {
        long in = 1_000 * (hostId % 10 + 1);
        return new TrafficRate(in, 4 * in);
    }

    private static void check(long rate, String field) {
        if (rate < 0 || rate > MAX) {
            throw new IllegalArgumentException("The " + field + " must be between 0 and " + MAX + ", got " + rate
                    + ".");
        }
    }
}
