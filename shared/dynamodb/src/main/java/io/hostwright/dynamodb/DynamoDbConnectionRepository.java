package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Back-end connections of every back-end alike: {@code CONNECTION#<id> / CONNECTION}, the connection as a JSON
 * document (its settings are the back-end's own), listed through gsi1 partition {@code CONNECTIONS}. They hold a
 * reference to the credential, never the credential.
 */
public final class DynamoDbConnectionRepository implements ConnectionRepository {

    static final String LIST_PARTITION = "CONNECTIONS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConnectionRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(connectionId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Connection> listConnections() {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :list")
                .expressionAttributeValues(Map.of(":list", s(LIST_PARTITION))), DynamoDbConnectionRepository::fromItem);
    }

    @Override
    public void saveConnection(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>(key(connection.connectionId()));
        item.put("type", s("Connection"));
        item.put("gsi1pk", s(LIST_PARTITION));
        item.put("gsi1sk", s("CONNECTION#" + connection.connectionId()));
        item.put("backend", s(connection.backend()));
        item.put("doc", s(Json.write(connection)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String connectionId) {
        return Keys.of("CONNECTION#" + connectionId, "CONNECTION");
    }

    private static Connection fromItem(Map<String, AttributeValue> item) {
        return Json.read(str(item, "doc"), Connection.class);
    }
}
