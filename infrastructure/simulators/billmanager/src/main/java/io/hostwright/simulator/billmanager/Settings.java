package io.hostwright.simulator.billmanager;

import java.time.Duration;
import java.util.Objects;

/**
 * What can change while the simulator runs.
 *
 * @param sessionTtl how long an {@code auth} session lasts without requests (simulator clock); BILLmanager's is an
 *                   hour
 * @param latency    added to every API call (not to the control API)
 * @param errorRate  fraction (0..1) of API calls answered 500 at random, without running them
 */
public record Settings(Duration sessionTtl, Duration latency, double errorRate) {

    public Settings {
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(latency, "latency");
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive, got " + sessionTtl);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be within 0..1, got " + errorRate);
        }
    }

    /** Sessions last an hour without requests; no latency, no random errors. */
    public static Settings defaults() {
        return new Settings(Duration.ofHours(1), Duration.ZERO, 0);
    }

    public Settings withSessionTtl(Duration ttl) {
        return new Settings(ttl, latency, errorRate);
    }

    public Settings withLatency(Duration d) {
        return new Settings(sessionTtl, d, errorRate);
    }

    public Settings withErrorRate(double rate) {
        return new Settings(sessionTtl, latency, rate);
    }
}
