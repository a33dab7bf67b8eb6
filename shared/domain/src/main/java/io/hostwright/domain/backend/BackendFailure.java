package io.hostwright.domain.backend;

import java.time.Duration;

/**
 * A back-end call that failed. {@link Transient}: 5xx, 429, timeouts, connection errors, a secret store that did
 * not answer — worth retrying, after {@code retryAfter} when the back-end said so. {@link Permanent}: the request
 * itself is wrong (4xx other than 429, a wrong key, an answer that makes no sense) — retrying changes nothing.
 * Every back-end adapter reports its failures as these, so the step machinery treats all back-ends alike.
 */
public abstract sealed class BackendFailure extends RuntimeException
        permits BackendFailure.Transient, BackendFailure.Permanent {

    private final int status;

    protected BackendFailure(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public static final class Transient extends BackendFailure {
        private final Duration retryAfter;

        public Transient(String message, int status, Duration retryAfter, Throwable cause) {
            super(message, status, cause);
            this.retryAfter = retryAfter;
        }

        /** What the back-end asked for (Retry-After), or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Permanent extends BackendFailure {
        public Permanent(String message, int status, Throwable cause) {
            super(message, status, cause);
        }
    }
}
