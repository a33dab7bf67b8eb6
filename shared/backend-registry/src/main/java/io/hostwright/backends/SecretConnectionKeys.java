package io.hostwright.backends;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.secrets.SecretResolver;
import io.hostwright.secrets.SecretUnavailableException;

/**
 * Connection credentials from their secret references, for every back-end alike. An unreachable secret store is a
 * transient failure (the step retries); a missing, malformed or forbidden reference is permanent (staff must fix
 * the connection).
 */
public final class SecretConnectionKeys implements ConnectionKeys {

    private final SecretResolver secrets;

    public SecretConnectionKeys(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public String resolve(String secretRef) {
        try {
            return secrets.resolve(secretRef);
        } catch (SecretUnavailableException e) {
            throw e.retryable()
                    ? new BackendFailure.Transient("connection key unavailable: " + e.getMessage(), 0, null, null)
                    : new BackendFailure.Permanent("connection key unavailable: " + e.getMessage(), 0, null);
        }
    }
}
