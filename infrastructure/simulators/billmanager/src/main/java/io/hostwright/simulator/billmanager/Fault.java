package io.hostwright.simulator.billmanager;

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
     * unchanged) with BILLmanager's error document of {@code type} and {@code message}; 503 answers with an empty
     * body, as an unreachable back-end behind a proxy does. Status 200 is allowed: a BILLmanager error as it really
     * comes (HTTP 200, the error in the document). A positive {@code retryAfterSeconds} adds {@code Retry-After}.
     */
    public record Answer(int status, String type, String message, int retryAfterSeconds, Duration delay)
            implements Effect {
        public Answer {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(delay, "delay");
            if (status != 200 && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("status must be 200 or an HTTP error status, 400 to 599, got "
                        + status);
            }
            if (type.isBlank()) {
                throw new IllegalArgumentException("type must not be blank");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
        }

        /** Answers at once with the status's usual message, type {@code internal}. */
        public Answer(int status) {
            this(status, BillError.INTERNAL, Faults.defaultMessage(status), status == 429 ? 1 : 0, Duration.ZERO);
        }

        /** The body's error document; null for 503 (empty body). */
        Object body() {
            return status == 503 ? null : BillError.body(type, null, message);
        }
    }

    /**
     * Wait {@code delay}, then run the call normally: past the client's timeout this is the nasty case where the
     * client gave up but the change happened anyway; held until cleared, it is a func's added latency.
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
