package io.hostwright.secrets;

/**
 * A secret that could not be resolved. The message names the reference (never the value); {@link #retryable()} says
 * whether trying again later may help (the store was unreachable or throttled) or the configuration must change.
 */
public final class SecretUnavailableException extends RuntimeException {

    private final boolean retryable;

    public SecretUnavailableException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
