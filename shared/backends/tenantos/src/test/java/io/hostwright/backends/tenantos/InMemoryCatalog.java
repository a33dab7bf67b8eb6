package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The product catalog in a map. */
final class InMemoryCatalog implements CatalogRepository {

    private final Map<String, Product> products = new TreeMap<>();

    @Override
    public Optional<Product> findProduct(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public List<Product> listProducts() {
        return List.copyOf(products.values());
    }

    @Override
    public void saveProduct(Product product) {
        products.put(product.productId(), product);
    }
}
