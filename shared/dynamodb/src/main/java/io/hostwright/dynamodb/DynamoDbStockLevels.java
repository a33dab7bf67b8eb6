package io.hostwright.dynamodb;

import io.hostwright.domain.template.StockLevel;
import io.hostwright.domain.template.StockLevels;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Stock per product: {@code PRODUCT#<id> / STOCK} beside the product, listed through gsi1 partition {@code STOCK}
 * (the public catalog reads every product's in one query). Written only when the count or the alert changes.
 */
public final class DynamoDbStockLevels implements StockLevels {

    static final String LIST_PARTITION = "STOCK";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStockLevels(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String productId) {
        return Keys.of(DynamoDbCatalogRepository.partition(productId), "STOCK");
    }

    @Override
    public Optional<StockLevel> find(String productId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(productId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Map<String, StockLevel> all() {
        Map<String, StockLevel> all = new LinkedHashMap<>();
        Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :list")
                        .expressionAttributeValues(Map.of(":list", s(LIST_PARTITION))), DynamoDbStockLevels::read)
                .forEach(level -> all.put(level.productId(), level));
        return all;
    }

    @Override
    public boolean replace(StockLevel before, StockLevel after) {
        Map<String, AttributeValue> item = new HashMap<>(key(after.productId()));
        item.put("type", s("Stock"));
        item.put("gsi1pk", s(LIST_PARTITION));
        item.put("gsi1sk", s("PRODUCT#" + after.productId()));
        item.put("productId", s(after.productId()));
        item.put("available", n(after.available()));
        item.put("since", s(after.since().toString()));
        item.put("alerted", AttributeValue.fromBool(after.alerted()));
        try {
            if (before == null) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("#available = :available AND #alerted = :alerted")
                        .expressionAttributeNames(Map.of("#available", "available", "#alerted", "alerted"))
                        .expressionAttributeValues(Map.of(":available", n(before.available()),
                                ":alerted", AttributeValue.fromBool(before.alerted()))));
            }
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public void delete(String productId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(productId)));
    }

    private static StockLevel read(Map<String, AttributeValue> item) {
        AttributeValue alerted = item.get("alerted");
        return new StockLevel(str(item, "productId"), (int) num(item, "available"),
                Instant.parse(str(item, "since")), alerted != null && Boolean.TRUE.equals(alerted.bool()));
    }
}
