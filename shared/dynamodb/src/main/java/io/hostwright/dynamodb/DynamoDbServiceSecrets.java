package io.hostwright.dynamodb;

import io.hostwright.domain.backend.ServiceSecrets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Service secrets: {@code SERVICE#<id> / SECRET#<name>}. The table is encrypted at rest; no API route reads these
 * items (service reads are GetItem on {@code SERVICE} and queries on {@code STEP#}).
 */
public final class DynamoDbServiceSecrets implements ServiceSecrets {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbServiceSecrets(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void put(String serviceId, String name, String value) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.of("SERVICE#" + serviceId, "SECRET#" + name));
        item.put("type", s("ServiceSecret"));
        item.put("value", s(value));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<String> get(String serviceId, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.of("SERVICE#" + serviceId, "SECRET#" + name)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "value"));
    }
}
