package io.hostwright.backends.tenantos;

import java.time.Duration;

/**
 * A TenantOS call that failed. {@link Transient}: 5xx, 429, timeouts, connection errors — worth retrying, after
 * {@code retryAfter} when the server said so. {@link Permanent}: the request itself is wrong (4xx other than 429,
 * an answer that makes no sense) — retrying changes nothing.
 */
public abstract sealed class TenantOsFailure extends RuntimeException
        permits TenantOsFailure.Transient, TenantOsFailure.Permanent {

    private final int status;

    protected TenantOsFailure(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public static final class Transient extends TenantOsFailure {
        private final Duration retryAfter;

        public Transient(String message, int status, Duration retryAfter, Throwable cause) {
            super(message, status, cause);
            this.retryAfter = retryAfter;
        }

        /** What the server asked for (Retry-After), or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Permanent extends TenantOsFailure {
        public Permanent(String message, int status, Throwable cause) {
            super(message, status, cause);
        }
    }
}
