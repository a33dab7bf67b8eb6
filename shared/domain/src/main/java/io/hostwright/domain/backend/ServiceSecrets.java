package io.hostwright.domain.backend;

import java.util.Optional;

/**
 * Port: a service's customer credentials (its root password), kept where only the functions that set, send or clear
 * them can read them — never in the main table, a queue body, a log line or a staff e-mail. Written before they are
 * used upstream, so a retried step reuses the same value; deleted when no longer needed, and all of them when the
 * service ends.
 */
public interface ServiceSecrets {

    void put(String serviceId, String name, String value);

    Optional<String> get(String serviceId, String name);

    void delete(String serviceId, String name);

    /** Forgets every credential of the service (it was terminated). */
    void deleteAll(String serviceId);
}
