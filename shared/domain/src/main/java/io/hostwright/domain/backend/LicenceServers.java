package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.licence.LicenceServer;

/**
 * What a licence back-end offers: the licence server behind each of its connections, for the licence use cases
 * (attach at provisioning, release at terminate, the daily renewal) that work alike for every licence server.
 */
@FunctionalInterface
public interface LicenceServers {

    /** The connection's licence server; a credential that cannot be read is a {@link BackendFailure}. */
    LicenceServer at(Connection connection);
}
