package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.ServiceSecrets;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Service secrets in a map. */
final class InMemoryServiceSecrets implements ServiceSecrets {

    private final Map<String, String> secrets = new HashMap<>();

    @Override
    public void put(String serviceId, String name, String value) {
        secrets.put(serviceId + "/" + name, value);
    }

    @Override
    public Optional<String> get(String serviceId, String name) {
        return Optional.ofNullable(secrets.get(serviceId + "/" + name));
    }
}
