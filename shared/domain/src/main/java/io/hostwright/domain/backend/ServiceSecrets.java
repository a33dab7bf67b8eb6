package io.hostwright.domain.backend;

import java.util.Optional;

/**
 * Port: secrets belonging to a service (the root password), kept apart from everything the API reads and never
 * logged. Written before they are used upstream, so a retried step reuses the same value.
 */
public interface ServiceSecrets {

    void put(String serviceId, String name, String value);

    Optional<String> get(String serviceId, String name);
}
