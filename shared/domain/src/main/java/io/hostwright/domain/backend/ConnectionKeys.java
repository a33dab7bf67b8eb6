package io.hostwright.domain.backend;

/**
 * Port: a connection's credential, read from where its {@code secretRef} says (a {@code Connection}'s). An unreachable secret store is a
 * {@link BackendFailure.Transient} (the step retries); a missing, malformed or forbidden reference is a
 * {@link BackendFailure.Permanent} (staff must fix the connection). The value is never logged.
 */
@FunctionalInterface
public interface ConnectionKeys {

    String resolve(String secretRef);
}
