package io.hostwright.domain.catalog.admin;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.VersionedStore;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Precondition;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.ServicesByConnection;

import io.hostwright.domain.template.ConnectionTemplates;
import io.hostwright.domain.template.SyncRuns;

import java.util.ArrayList;
import java.util.List;

/**
 * Use case (staff): the back-end connections — list, read, create, change, delete and test. A connection is checked
 * by its back-end before it is stored; a change names the version it was based on; a connection products or live
 * services use cannot be deleted (nor moved to another back-end), and the answer names who uses it.
 */
public final class ManageConnections {

    private static final int NAMED = 10;

    private final BackendRegistry backends;
    private final ConnectionRepository connections;
    private final VersionedStore<Connection> store;
    private final CatalogRepository products;
    private final ServicesByConnection services;
    private final ConnectionTemplates templates;
    private final SyncRuns runs;

    public ManageConnections(BackendRegistry backends, ConnectionRepository connections,
                             VersionedStore<Connection> store, CatalogRepository products,
                             ServicesByConnection services, ConnectionTemplates templates, SyncRuns runs) {
        this.backends = backends;
        this.connections = connections;
        this.store = store;
        this.products = products;
        this.services = services;
        this.templates = templates;
        this.runs = runs;
    }

    public List<Connection> list() {
        return connections.listConnections();
    }

    public Versioned<Connection> get(String connectionId) {
        return store.findVersioned(connectionId).orElseThrow(() -> new NotFound("connection", connectionId));
    }

    public Versioned<Connection> create(Connection connection) {
        check(connection);
        if (!store.create(connection)) {
            throw new Conflict("connectionId", "connection '" + connection.connectionId() + "' exists already");
        }
        return get(connection.connectionId());
    }

    public Versioned<Connection> replace(String connectionId, Connection connection, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("connection " + connectionId);
        }
        if (!connection.connectionId().equals(connectionId)) {
            throw InvalidRequest.of("connectionId", "must be '" + connectionId + "', the connection being changed");
        }
        Versioned<Connection> current = get(connectionId);
        check(connection);
        if (!current.value().backend().equals(connection.backend())) {
            List<String> using = productsOn(connectionId);
            if (!using.isEmpty()) {
                throw new Conflict("backend", "connection " + connectionId + " cannot change its back-end while"
                        + " products use it: " + using);
            }
        }
        if (!store.replace(connection, ifMatch)) {
            throw Precondition.stale("connection " + connectionId, get(connectionId).version());
        }
        return get(connectionId);
    }

    public void delete(String connectionId, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("connection " + connectionId);
        }
        get(connectionId);
        List<String> using = productsOn(connectionId);
        if (!using.isEmpty()) {
            throw new Conflict("connectionId", "connection " + connectionId + " is used by products " + using
                    + "; move or delete them first");
        }
        List<String> live = services.onConnection(connectionId).stream()
                .filter(s -> s.status() != ServiceStatus.TERMINATED)
                .map(Service::serviceId).limit(NAMED + 1).toList();
        if (!live.isEmpty()) {
            throw new Conflict("connectionId", "connection " + connectionId + " still runs services "
                    + live.stream().limit(NAMED).toList() + (live.size() > NAMED ? " and more" : "")
                    + "; terminate them first");
        }
        if (!store.delete(connectionId, ifMatch)) {
            throw Precondition.stale("connection " + connectionId, get(connectionId).version());
        }
        templates.deleteAll(connectionId);
        runs.deleteAll(connectionId);
    }

    /** Asks the back-end what works with this connection now: credentials, a read, and how long it took. */
    public ConnectionCheck.Report test(String connectionId) {
        Connection connection = get(connectionId).value();
        Backend backend = backends.require(connection.backend());
        return backend.connectionCheck().orElseThrow(() -> new Conflict("backend", "the " + backend.displayName()
                + " back-end cannot test its connections")).check(connection);
    }

    private void check(Connection connection) {
        List<Violation> problems = new ArrayList<>();
        if (!connection.baseUrl().matches("https?://[^\\s/]+(/\\S*)?")) {
            problems.add(new Violation("baseUrl", "must be an http:// or https:// URL"));
        }
        problems.addAll(CatalogChecks.connectionProblems(backends, connection));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    private List<String> productsOn(String connectionId) {
        return products.productsOn(connectionId).stream().map(Product::productId).toList();
    }
}
