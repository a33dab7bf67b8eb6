package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.VersionedStore;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.OfferedTemplates;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.hostwright.dynamodb.Attributes.s;

/**
 * Products: {@code PRODUCT#<id> / PRODUCT}, the product as a JSON document with its {@code version}, listed through
 * gsi1 partition {@code CATALOG} (a query, never a scan). A product is read with the OS templates it offers filled in
 * from its connection's ({@link OfferedTemplates}); the versioned document staff edit is the product as stored.
 */
public final class DynamoDbCatalogRepository implements CatalogRepository, VersionedStore<Product> {

    static final String CATALOG_PARTITION = "CATALOG";

    private final VersionedDocuments<Product> documents;
    private final DynamoDbConnectionTemplates templates;

    public DynamoDbCatalogRepository(DynamoDbClient dynamo, String table) {
        this.templates = new DynamoDbConnectionTemplates(dynamo, table);
        this.documents = new VersionedDocuments<>(dynamo, table, Product.class,
                id -> Keys.of(partition(id), "PRODUCT"), CATALOG_PARTITION,
                product -> Map.of("type", s("Product"), "gsi1sk", s("PRODUCT#" + product.productId())));
    }

    static String partition(String productId) {
        return "PRODUCT#" + productId;
    }

    @Override
    public Optional<Product> findProduct(String productId) {
        return documents.find(productId).map(p -> p.type().installsOs()
                ? OfferedTemplates.resolve(p, templates.list(p.connectionId())) : p);
    }

    @Override
    public List<Product> listProducts() {
        List<Product> stored = documents.list();
        if (stored.stream().noneMatch(p -> p.type().installsOs())) {
            return stored;
        }
        Map<String, List<ConnectionTemplate>> byConnection = templates.listAll().stream()
                .collect(Collectors.groupingBy(ConnectionTemplate::connectionId));
        return stored.stream()
                .map(p -> OfferedTemplates.resolve(p, byConnection.getOrDefault(p.connectionId(), List.of())))
                .toList();
    }

    /** Reads only that connection's templates, not every connection's. */
    @Override
    public List<Product> productsOn(String connectionId) {
        List<Product> stored = documents.list().stream().filter(p -> connectionId.equals(p.connectionId())).toList();
        if (stored.stream().noneMatch(p -> p.type().installsOs())) {
            return stored;
        }
        List<ConnectionTemplate> ofConnection = templates.list(connectionId);
        return stored.stream().map(p -> OfferedTemplates.resolve(p, ofConnection)).toList();
    }

    @Override
    public void saveProduct(Product product) {
        documents.save(product.productId(), product);
    }

    @Override
    public List<Versioned<Product>> listVersioned() {
        return documents.listVersioned();
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
