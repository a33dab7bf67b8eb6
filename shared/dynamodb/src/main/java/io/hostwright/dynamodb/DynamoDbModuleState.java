package io.hostwright.dynamodb;

import io.hostwright.domain.backend.ModuleState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.s;

/** A module's memory of a service: {@code SERVICE#<id> / MODULE#<module>}, attribute {@code state} (a string map). */
public final class DynamoDbModuleState implements ModuleState {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbModuleState(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, String> load(String serviceId, String module) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.of("SERVICE#" + serviceId, "MODULE#" + module)).consistentRead(true)).item();
        Map<String, String> state = new LinkedHashMap<>();
        if (item != null && item.containsKey("state")) {
            item.get("state").m().forEach((k, v) -> state.put(k, v.s()));
        }
        return state;
    }

    @Override
    public void save(String serviceId, String module, Map<String, String> state) {
        Map<String, AttributeValue> values = new HashMap<>();
        state.forEach((k, v) -> values.put(k, s(v)));
        Map<String, AttributeValue> item = new HashMap<>(Keys.of("SERVICE#" + serviceId, "MODULE#" + module));
        item.put("type", s("ModuleState"));
        item.put("state", AttributeValue.fromM(values));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
