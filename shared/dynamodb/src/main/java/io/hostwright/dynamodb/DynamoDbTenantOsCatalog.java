package io.hostwright.dynamodb;

import io.hostwright.backends.tenantos.TenantOsCatalog;
import io.hostwright.backends.tenantos.TenantOsConnection;
import io.hostwright.backends.tenantos.TenantOsProductSettings;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * TenantOS connections ({@code CONNECTION#tenantos#<id> / CONNECTION}) and per-product settings
 * ({@code PRODUCT#<id> / SETTINGS#tenantos}), as JSON documents. Connections hold a reference to the API key,
 * never the key.
 */
public final class DynamoDbTenantOsCatalog implements TenantOsCatalog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTenantOsCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<TenantOsConnection> connection(String connectionId) {
        return doc(Keys.of("CONNECTION#tenantos#" + connectionId, "CONNECTION"), TenantOsConnection.class);
    }

    @Override
    public Optional<TenantOsProductSettings> productSettings(String productId) {
        return doc(Keys.of("PRODUCT#" + productId, "SETTINGS#tenantos"), TenantOsProductSettings.class);
    }

    @Override
    public void saveConnection(TenantOsConnection connection) {
        put(Keys.of("CONNECTION#tenantos#" + connection.connectionId(), "CONNECTION"), "TenantOsConnection", connection);
    }

    @Override
    public void saveProductSettings(TenantOsProductSettings settings) {
        put(Keys.of("PRODUCT#" + settings.productId(), "SETTINGS#tenantos"), "TenantOsProductSettings", settings);
    }

    private <T> Optional<T> doc(Map<String, AttributeValue> key, Class<T> type) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.read(str(item, "doc"), type));
    }

    private void put(Map<String, AttributeValue> key, String type, Object doc) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", s(type));
        item.put("doc", s(Json.write(doc)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
