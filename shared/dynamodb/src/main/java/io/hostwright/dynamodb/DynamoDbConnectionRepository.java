package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.VersionedStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;

/**
 * Back-end connections of every back-end alike: {@code CONNECTION#<id> / CONNECTION}, the connection as a JSON
 * document (its settings are the back-end's own) with its {@code version}, listed through gsi1 partition
 * {@code CONNECTIONS}. They hold a reference to the credential, never the credential.
 */
public final class DynamoDbConnectionRepository implements ConnectionRepository, VersionedStore<Connection> {

    static final String LIST_PARTITION = "CONNECTIONS";

    private final VersionedDocuments<Connection> documents;

    public DynamoDbConnectionRepository(DynamoDbClient dynamo, String table) {
        this.documents = new VersionedDocuments<>(dynamo, table, Connection.class,
                id -> Keys.of(partition(id), "CONNECTION"), LIST_PARTITION,
                connection -> Map.of("type", s("Connection"), "gsi1sk", s("CONNECTION#" + connection.connectionId()),
                        "backend", s(connection.backend())));
    }

    /** The partition of a connection and what belongs to it: its templates and sync runs. */
    static String partition(String connectionId) {
        return "CONNECTION#" + connectionId;
    }

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        return documents.find(connectionId);
    }

    @Override
    public List<Connection> listConnections() {
        return documents.list();
    }

    @Override
    public void saveConnection(Connection connection) {
        documents.save(connection.connectionId(), connection);
    }

    @Override
    public List<Versioned<Connection>> listVersioned() {
        return documents.listVersioned();
    }

    @Override
    public Optional<Versioned<Connection>> findVersioned(String connectionId) {
        return documents.findVersioned(connectionId);
    }

    @Override
    public boolean create(Connection connection) {
        return documents.create(connection.connectionId(), connection);
    }

    @Override
    public boolean replace(Connection connection, long expectedVersion) {
        return documents.replace(connection.connectionId(), connection, expectedVersion);
    }

    @Override
    public boolean delete(String connectionId, long expectedVersion) {
        return documents.delete(connectionId, expectedVersion);
    }
}
