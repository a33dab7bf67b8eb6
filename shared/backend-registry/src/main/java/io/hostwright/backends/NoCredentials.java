package io.hostwright.backends;

import io.hostwright.domain.backend.ServiceSecrets;

import java.util.Optional;

/**
 * The credential store of a function the manifest grants no access to customer credentials (the storefront and
 * staff APIs, the client functions): any use is a programming error, said loudly, never a silent empty answer.
 */
enum NoCredentials implements ServiceSecrets {
    INSTANCE;

    @Override
    public void put(String serviceId, String name, String value) {
        throw refused();
    }

    @Override
    public Optional<String> get(String serviceId, String name) {
        throw refused();
    }

    @Override
    public void delete(String serviceId, String name) {
        throw refused();
    }

    @Override
    public void deleteAll(String serviceId) {
        throw refused();
    }

    private static IllegalStateException refused() {
        return new IllegalStateException("this function has no access to customer credentials (see its manifest entry)");
    }
}
