package io.hostwright.domain.catalog.admin;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.VersionedStore;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Precondition;
import io.hostwright.domain.problem.Violation;

import java.util.List;

/**
 * Use case (staff): the products — list, read, create, change and delete. A product is checked against its back-end
 * and connection before it is stored; a change names the version it was based on. Services already sold keep what
 * they were sold as, whatever happens to their product.
 */
public final class ManageProducts {

    private final BackendRegistry backends;
    private final CatalogRepository catalog;
    private final VersionedStore<Product> store;
    private final ConnectionRepository connections;

    public ManageProducts(BackendRegistry backends, CatalogRepository catalog, VersionedStore<Product> store,
                          ConnectionRepository connections) {
        this.backends = backends;
        this.catalog = catalog;
        this.store = store;
        this.connections = connections;
    }

    public List<Product> list() {
        return catalog.listProducts();
    }

    public Versioned<Product> get(String productId) {
        return store.findVersioned(productId).orElseThrow(() -> new NotFound("product", productId));
    }

    public Versioned<Product> create(Product product) {
        check(product);
        if (!store.create(product)) {
            throw new Conflict("productId", "product '" + product.productId() + "' exists already");
        }
        return get(product.productId());
    }

    public Versioned<Product> replace(String productId, Product product, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("product " + productId);
        }
        if (!product.productId().equals(productId)) {
            throw InvalidRequest.of("productId", "must be '" + productId + "', the product being changed");
        }
        get(productId);
        check(product);
        if (!store.replace(product, ifMatch)) {
            throw Precondition.stale("product " + productId, get(productId).version());
        }
        return get(productId);
    }

    public void delete(String productId, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("product " + productId);
        }
        get(productId);
        if (!store.delete(productId, ifMatch)) {
            throw Precondition.stale("product " + productId, get(productId).version());
        }
    }

    private void check(Product product) {
        List<Violation> problems = CatalogChecks.productProblems(backends, product, connections::findConnection);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }
}
