package io.hostwright.domain.catalog;

import java.util.List;
import java.util.Optional;

/** Port: the product catalog. */
public interface CatalogRepository {

    Optional<Product> findProduct(String productId);

    /** Every orderable product, ordered by id. */
    List<Product> listProducts();

    /** The products sold on one connection, ordered by id. */
    default List<Product> productsOn(String connectionId) {
        return listProducts().stream().filter(p -> connectionId.equals(p.connectionId())).toList();
    }

    /** Creates or replaces a product whatever its version (the seed); the stored version moves on. */
    void saveProduct(Product product);
}
