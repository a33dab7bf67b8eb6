package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.TenantOsFailure;
import io.hostwright.secrets.SecretResolver;
import io.hostwright.secrets.SecretUnavailableException;

import java.util.function.UnaryOperator;

/**
 * A connection's API key from its secret reference. An unreachable secret store is a transient TenantOS failure
 * (the step retries); a missing or malformed secret is permanent (staff must fix the connection).
 */
public final class TenantOsKeys {

    private TenantOsKeys() {
    }

    public static UnaryOperator<String> from(SecretResolver secrets) {
        return reference -> {
            try {
                return secrets.resolve(reference);
            } catch (SecretUnavailableException e) {
                throw e.retryable()
                        ? new TenantOsFailure.Transient("API key unavailable: " + e.getMessage(), 0, null, null)
                        : new TenantOsFailure.Permanent("API key unavailable: " + e.getMessage(), 0, null);
            }
        };
    }
}
