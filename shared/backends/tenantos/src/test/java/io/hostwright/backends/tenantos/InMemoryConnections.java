package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Back-end connections in a map. */
final class InMemoryConnections implements ConnectionRepository {

    private final Map<String, Connection> connections = new TreeMap<>();

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public List<Connection> listConnections() {
        return List.copyOf(connections.values());
    }

    @Override
    public void saveConnection(Connection connection) {
        connections.put(connection.connectionId(), connection);
    }
}
