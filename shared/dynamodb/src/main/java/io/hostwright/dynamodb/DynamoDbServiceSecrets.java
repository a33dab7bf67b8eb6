package io.hostwright.dynamodb;

import io.hostwright.domain.backend.ServiceSecrets;
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
 * Customer credentials in their own table ({@code Manifest.CREDENTIALS_TABLE}): {@code SERVICE#<id> / SECRET#<name>}.
 * In AWS that table is encrypted with a key only the functions granted it may use; the storefront and staff APIs
 * have no access to either, so no API answer can carry a password by mistake.
 */
public final class DynamoDbServiceSecrets implements ServiceSecrets {

    private static final String PREFIX = "SECRET#";

    private final DynamoDbClient dynamo;
    private final String table;

    /** @param credentialsTable the credentials table, not the main one */
    public DynamoDbServiceSecrets(DynamoDbClient dynamo, String credentialsTable) {
        this.dynamo = dynamo;
        this.table = credentialsTable;
    }

    @Override
    public void put(String serviceId, String name, String value) {
        Map<String, AttributeValue> item = new HashMap<>(key(serviceId, name));
        item.put("type", s("ServiceSecret"));
        item.put("value", s(value));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<String> get(String serviceId, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(serviceId, name))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "value"));
    }

    @Override
    public void delete(String serviceId, String name) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(serviceId, name)));
    }

    @Override
    public void deleteAll(String serviceId) {
        List<Map<String, AttributeValue>> keys = Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :secret)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.servicePartition(serviceId)), ":secret", s(PREFIX)))
                .projectionExpression("pk, sk"), item -> item);
        keys.forEach(key -> dynamo.deleteItem(b -> b.tableName(table).key(key)));
    }

    private static Map<String, AttributeValue> key(String serviceId, String name) {
        return Keys.of(Keys.servicePartition(serviceId), PREFIX + name);
    }
}
