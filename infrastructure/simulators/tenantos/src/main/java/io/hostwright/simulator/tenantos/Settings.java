package io.hostwright.simulator.tenantos;

import java.time.Duration;
import java.util.Objects;

/**
 * What can change while the simulator runs.
 *
 * @param installDuration  how long an OS installation runs before {@code getInstallStatus} says finished
 * @param wipeDuration     the same for a wipe profile
 * @param latency          added to every API call (not to the control API)
 * @param errorRate        fraction (0..1) of API calls that go wrong at random, the way {@code errorMode} says
 * @param errorMode        {@link ErrorMode#STATUS_503} answers at once; {@link ErrorMode#HANG} waits {@code hangTime}
 * @param hangTime         how long a hanging call waits before its 503; pick more than the client's timeout
 * @param staleStatusReads how many {@code getInstallStatus} reads after a start still report the server's job before
 *                         (a wipe's "finished", 100 %) while the new one runs, as TenantOS may until it notices the
 *                         new job; 0 = none
 */
public record Settings(Duration installDuration, Duration wipeDuration, Duration latency, double errorRate,
                       ErrorMode errorMode, Duration hangTime, int staleStatusReads) {

    /** How a random error shows. Neither runs the call: the state does not change. */
    public enum ErrorMode { STATUS_503, HANG }

    public Settings {
        Objects.requireNonNull(installDuration, "installDuration");
        Objects.requireNonNull(wipeDuration, "wipeDuration");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(errorMode, "errorMode");
        Objects.requireNonNull(hangTime, "hangTime");
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1, got " + errorRate);
        }
        if (installDuration.isNegative() || wipeDuration.isNegative() || latency.isNegative()
                || hangTime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (staleStatusReads < 0) {
            throw new IllegalArgumentException("staleStatusReads must not be negative, got " + staleStatusReads);
        }
    }

    /** Laptop pace: installs take 5 s, wipes 8 s, no latency, no random errors, no stale install status. */
    public static Settings laptop() {
        return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ZERO, 0, ErrorMode.STATUS_503,
                Duration.ofSeconds(30), 0);
    }

    /** Test pace: installs and wipes take 1 s. */
    public static Settings tests() {
        return laptop().withInstallDuration(Duration.ofSeconds(1)).withWipeDuration(Duration.ofSeconds(1));
    }

    public Settings withInstallDuration(Duration d) {
        return new Settings(d, wipeDuration, latency, errorRate, errorMode, hangTime, staleStatusReads);
    }

    public Settings withWipeDuration(Duration d) {
        return new Settings(installDuration, d, latency, errorRate, errorMode, hangTime, staleStatusReads);
    }

    public Settings withLatency(Duration d) {
        return new Settings(installDuration, wipeDuration, d, errorRate, errorMode, hangTime, staleStatusReads);
    }

    public Settings withErrorRate(double rate, ErrorMode mode) {
        return new Settings(installDuration, wipeDuration, latency, rate, mode, hangTime, staleStatusReads);
    }

    public Settings withHangTime(Duration d) {
        return new Settings(installDuration, wipeDuration, latency, errorRate, errorMode, d, staleStatusReads);
    }

    /** Applies to installs started from now on. */
    public Settings withStaleStatusReads(int reads) {
        return new Settings(installDuration, wipeDuration, latency, errorRate, errorMode, hangTime, reads);
    }
}
