package io.hostwright.simulator.tenantos;

import java.time.Duration;

/**
 * A scripted misbehaviour for the next {@code remaining} API calls matching {@code match} (see {@link Faults}).
 */
public record Fault(String match, int remaining, Effect effect) {

    public sealed interface Effect permits Answer, Delay, FailInstall {
    }

    /**
     * Answer {@code status} with {@code message} instead of running the call (state unchanged). A positive
     * {@code retryAfterSeconds} adds {@code Retry-After}.
     */
    public record Answer(int status, String message, int retryAfterSeconds) implements Effect {
    }

    /**
     * Wait {@code delay}, then run the call normally: past the client's timeout this is the nasty case where the
     * client gave up but the change happened anyway.
     */
    public record Delay(Duration delay) implements Effect {
    }

    /** The install this call starts runs, then fails at 60 % with {@code message}. */
    public record FailInstall(String message) implements Effect {
    }
}
