package io.hostwright.backends.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * What a back-end answers instead of doing a call.
 *
 * @param status     the HTTP status, 400–599
 * @param message    the back-end's own words, where it puts them (its error envelope)
 * @param retryAfter the {@code Retry-After} it sends, in whole seconds; null for none
 */
public record ErrorAnswer(int status, String message, Duration retryAfter) {

    public ErrorAnswer {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error answer is 4xx or 5xx, not " + status);
        }
        Objects.requireNonNull(message, "message");
        if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toNanosPart() != 0)) {
            throw new IllegalArgumentException("Retry-After is whole seconds, not " + retryAfter);
        }
    }

    public static ErrorAnswer of(int status, String message) {
        return new ErrorAnswer(status, message, null);
    }

    public ErrorAnswer withRetryAfter(Duration wait) {
        return new ErrorAnswer(status, message, wait);
    }
}
