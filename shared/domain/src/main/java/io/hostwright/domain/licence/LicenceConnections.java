package io.hostwright.domain.licence;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.LicenceServers;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;

import java.util.List;

/** The licence connections: each one's licence server (through its back-end) and terms. */
public final class LicenceConnections {

    /** A licence connection ready to use. */
    public record Opened(Connection connection, LicenceServer server, LicenceTerms terms) {
        public String id() {
            return connection.connectionId();
        }

        /** The same connection whose server is asked only while {@code budget} lasts (from now). */
        public Opened within(java.time.Duration budget) {
            return new Opened(connection, new BudgetedLicenceServer(server, budget), terms);
        }
    }

    private final BackendRegistry backends;
    private final ConnectionRepository connections;

    public LicenceConnections(BackendRegistry backends, ConnectionRepository connections) {
        this.backends = backends;
        this.connections = connections;
    }

    /**
     * The licence connection {@code connectionId}; a connection that is gone or not of a licence back-end is a
     * permanent failure saying so (staff must fix the catalog).
     */
    public Opened open(String connectionId) {
        Connection connection = connections.findConnection(connectionId).orElseThrow(() ->
                new BackendFailure.Permanent("the licence connection " + connectionId + " does not exist", 0, null));
        return open(connection);
    }

    public Opened open(Connection connection) {
        LicenceServers servers = backends.find(connection.backend()).flatMap(Backend::licenceServers)
                .orElseThrow(() -> new BackendFailure.Permanent("connection " + connection.connectionId()
                        + " is not a connection of a licence back-end", 0, null));
        return new Opened(connection, servers.at(connection), LicenceTerms.of(connection));
    }

    /** Every connection of a licence back-end. */
    public List<Connection> all() {
        return connections.listConnections().stream()
                .filter(c -> backends.find(c.backend()).flatMap(Backend::licenceServers).isPresent())
                .toList();
    }
}
