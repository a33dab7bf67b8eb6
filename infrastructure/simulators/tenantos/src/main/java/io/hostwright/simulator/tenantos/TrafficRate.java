package io.hostwright.simulator.tenantos;

/**
 * How fast a server moves bytes while its traffic flows (see {@link NetworkTraffic}): 0 to {@value #MAX} bytes a
 * second each way (100 GB/s, so 1 TB takes ten seconds). In a seed: {@code {"bytesInPerSecond", "bytesOutPerSecond"}}.
 */
public record TrafficRate(long bytesInPerSecond, long bytesOutPerSecond) {

    /** The most a rate may be, each way: 100 GB/s. */
    public static final long MAX = 100_000_000_000L;

    public TrafficRate {
        check(bytesInPerSecond, "bytesInPerSecond");
        check(bytesOutPerSecond, "bytesOutPerSecond");
    }

    private static void check(long value, String field) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("The " + field + " must be between 0 and " + MAX + ", got " + value
                    + ".");
        }
    }
}
