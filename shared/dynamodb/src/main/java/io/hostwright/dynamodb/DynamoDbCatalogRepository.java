package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.VersionedStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;

/**
 * Products: {@code PRODUCT#<id> / PRODUCT}, the product as a JSON document with its {@code version}, listed through
 * gsi1 partition {@code CATALOG} (a query, never a scan).
 */
public final class DynamoDbCatalogRepository implements CatalogRepository, VersionedStore<Product> {

    static final String CATALOG_PARTITION = "CATALOG";

    private final DynamoDbClient dynamo;
    private final String table;
    private final VersionedDocuments<Product> documents;

    public DynamoDbCatalogRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.documents = new VersionedDocuments<>(dynamo, table, Product.class,
                id -> Keys.of("PRODUCT#" + id, "PRODUCT"),
                product -> Map.of("type", s("Product"), "gsi1pk", s(CATALOG_PARTITION),
                        "gsi1sk", s("PRODUCT#" + product.productId())));
    }

    @Override
    public Optional<Product> findProduct(String productId) {
        return documents.find(productId);
    }

    @Override
    public List<Product> listProducts() {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :catalog")
                .expressionAttributeValues(Map.of(":catalog", s(CATALOG_PARTITION))), documents::read);
    }

    @Override
    public void saveProduct(Product product) {
        documents.save(product.productId(), product);
    }

    @Override
    public Optional<Versioned<Product>> findVersioned(String productId) {
        return documents.findVersioned(productId);
    }

    @Override
    public boolean create(Product product) {
        return documents.create(product.productId(), product);
    }

    @Override
    public boolean replace(Product product, long expectedVersion) {
        return documents.replace(product.productId(), product, expectedVersion);
    }

    @Override
    public boolean delete(String productId, long expectedVersion) {
        return documents.delete(productId, expectedVersion);
    }
}
