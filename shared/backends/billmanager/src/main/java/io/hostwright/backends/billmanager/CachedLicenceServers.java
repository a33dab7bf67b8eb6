package io.hostwright.backends.billmanager;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.LicenceServers;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.licence.LicenceServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One client per connection for the life of the function instance, built again when the connection's URL or secret
 * reference changes (staff edited it).
 */
final class CachedLicenceServers implements LicenceServers {

    private record Built(String baseUrl, String secretRef, LicenceServer server) {
    }

    private final Function<Connection, LicenceServer> build;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    CachedLicenceServers(Function<Connection, LicenceServer> build) {
        this.build = build;
    }

    @Override
    public LicenceServer at(Connection connection) {
        Built current = built.get(connection.connectionId());
        if (current != null && current.baseUrl().equals(connection.baseUrl())
                && current.secretRef().equals(connection.secretRef())) {
            return current.server();
        }
        Built fresh;
        try {
            fresh = new Built(connection.baseUrl(), connection.secretRef(), build.apply(connection));
        } catch (IllegalArgumentException unusable) {
            throw new BackendFailure.Permanent("licence connection " + connection.connectionId() + ": "
                    + unusable.getMessage(), 0, unusable);
        }
        built.put(connection.connectionId(), fresh);
        return fresh.server();
    }
}
