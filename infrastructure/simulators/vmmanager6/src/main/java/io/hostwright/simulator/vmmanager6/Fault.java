package io.hostwright.simulator.vmmanager6;

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

    public sealed interface Effect permits Answer, Delay {
    }

    /**
     * Wait {@code delay} (zero: answer at once), then answer {@code status} instead of running the call (state
     * unchanged): with the error object {@code {"error": {"code", "msg": message, "value": null}}}, except 503,
     * which answers with an empty body as a sleeping VMmanager does. A positive {@code retryAfterSeconds} adds
     * {@code Retry-After}.
     */
    public record Answer(int status, int code, String message, int retryAfterSeconds, Duration delay)
            implements Effect {
        public Answer {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(delay, "delay");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP error status, 400 to 599, got " + status);
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
        }

        /** Answers at once, code = status, the status's usual message. */
        public Answer(int status) {
            this(status, status, Faults.defaultMessage(status), status == 429 ? 1 : 0, Duration.ZERO);
        }

        /** The body's error object; null for 503 (empty body). */
        Object body() {
            return status == 503 ? null : new ApiError(status, code, message, null).body();
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
}
