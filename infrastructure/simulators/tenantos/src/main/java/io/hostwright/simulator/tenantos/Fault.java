package io.hostwright.simulator.tenantos;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted misbehaviour for the next {@code remaining} API calls matching {@code match}, or for every one until
 * cleared when {@code remaining} is {@link #UNTIL_CLEARED} (see {@link Faults}).
 */
public record Fault(String match, int remaining, Effect effect) {

    /** {@code remaining} of a fault that holds until {@link Faults#clear} removes it. */
    public static final int UNTIL_CLEARED = -1;

    public boolean untilCleared() {
        return remaining == UNTIL_CLEARED;
    }

    public sealed interface Effect permits Answer, Delay, FailInstall {
    }

    /**
     * Wait {@code delay} (zero: answer at once), then answer {@code status} with {@code message} instead of running
     * the call (state unchanged). A positive {@code retryAfterSeconds} adds {@code Retry-After}.
     */
    public record Answer(int status, String message, int retryAfterSeconds, Duration delay) implements Effect {
        public Answer {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
        }

        /** Answers at once. */
        public Answer(int status, String message, int retryAfterSeconds) {
            this(status, message, retryAfterSeconds, Duration.ZERO);
        }
    }

    /**
     * Wait {@code delay}, then run the call normally: past the client's timeout this is the nasty case where the
     * client gave up but the change happened anyway; held until cleared, it is a route's added latency.
     */
    public record Delay(Duration delay) implements Effect {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
        }
    }

    /** The install this call starts runs, then fails at 60 % with {@code message}. */
    public record FailInstall(String message) implements Effect {
    }
}
