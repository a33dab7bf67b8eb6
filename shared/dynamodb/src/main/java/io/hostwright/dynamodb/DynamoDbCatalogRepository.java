package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Products: {@code PRODUCT#<id> / PRODUCT}, the product as a JSON document, listed through gsi1 partition
 * {@code CATALOG} (a query, never a scan).
 */
public final class DynamoDbCatalogRepository implements CatalogRepository {

    static final String CATALOG_PARTITION = "CATALOG";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCatalogRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Product> findProduct(String productId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Keys.of("PRODUCT#" + productId, "PRODUCT"))
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Product> listProducts() {
        List<Product> products = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :catalog")
                    .expressionAttributeValues(Map.of(":catalog", s(CATALOG_PARTITION)))
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> products.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return products;
    }

    @Override
    public void saveProduct(Product product) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.of("PRODUCT#" + product.productId(), "PRODUCT"));
        item.put("type", s("Product"));
        item.put("gsi1pk", s(CATALOG_PARTITION));
        item.put("gsi1sk", s("PRODUCT#" + product.productId()));
        item.put("doc", s(Json.write(product)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Product fromItem(Map<String, AttributeValue> item) {
        return Json.read(str(item, "doc"), Product.class);
    }
}
