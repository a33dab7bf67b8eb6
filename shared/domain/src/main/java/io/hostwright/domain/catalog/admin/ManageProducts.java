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

import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.template.ConnectionTemplates;
import io.hostwright.domain.template.StockLevel;
import io.hostwright.domain.template.StockLevels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final ConnectionTemplates templates;
    private final StockLevels stock;

    public ManageProducts(BackendRegistry backends, CatalogRepository catalog, VersionedStore<Product> store,
                          ConnectionRepository connections, ConnectionTemplates templates, StockLevels stock) {
        this.backends = backends;
        this.catalog = catalog;
        this.store = store;
        this.connections = connections;
        this.templates = templates;
        this.stock = stock;
    }

    /** Products as staff edit them, with what each offers now. */
    public List<Staffed> list() {
        Map<String, Product> offered = new HashMap<>();
        catalog.listProducts().forEach(p -> offered.put(p.productId(), p));
        Map<String, StockLevel> levels = stock.all();
        return store.listVersioned().stream()
                .map(v -> new Staffed(v, offered.getOrDefault(v.value().productId(), v.value()).osTemplates(),
                        levels.get(v.value().productId())))
                .toList();
    }

    public Staffed get(String productId) {
        Versioned<Product> stored = stored(productId);
        return new Staffed(stored, catalog.findProduct(productId).orElse(stored.value()).osTemplates(),
                stock.find(productId).orElse(null));
    }

    /**
     * A product as stored, with what the catalog makes of it.
     *
     * @param offered the OS templates it offers now (its connection's, when its back-end syncs them)
     * @param stock   what the last sync counted of it; null when its back-end holds no stock or no sync ran
     */
    public record Staffed(Versioned<Product> product, List<OsTemplate> offered, StockLevel stock) {
    }

    private Versioned<Product> stored(String productId) {
        return store.findVersioned(productId).orElseThrow(() -> new NotFound("product", productId));
    }

    public Staffed create(Product product) {
        check(product);
        if (!store.create(product)) {
            throw new Conflict("productId", "product '" + product.productId() + "' exists already");
        }
        return get(product.productId());
    }

    public Staffed replace(String productId, Product product, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("product " + productId);
        }
        if (!product.productId().equals(productId)) {
            throw InvalidRequest.of("productId", "must be '" + productId + "', the product being changed");
        }
        stored(productId);
        check(product);
        if (!store.replace(product, ifMatch)) {
            throw Precondition.stale("product " + productId, stored(productId).version());
        }
        return get(productId);
    }

    public void delete(String productId, Long ifMatch) {
        if (ifMatch == null) {
            throw Precondition.missing("product " + productId);
        }
        stored(productId);
        if (!store.delete(productId, ifMatch)) {
            throw Precondition.stale("product " + productId, stored(productId).version());
        }
        stock.delete(productId);
    }

    private void check(Product product) {
        List<Violation> problems = new ArrayList<>(
                CatalogChecks.productProblems(backends, product, connections::findConnection));
        if (problems.isEmpty() && !product.withheldOsTemplates().isEmpty()) {
            Set<String> known = new HashSet<>();
            templates.list(product.connectionId()).forEach(t -> known.add(t.templateId()));
            for (int i = 0; i < product.withheldOsTemplates().size(); i++) {
                String id = product.withheldOsTemplates().get(i);
                if (!known.contains(id)) {
                    problems.add(new Violation("withheldOsTemplates[" + i + "]", "connection "
                            + product.connectionId() + " has no OS template '" + id + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }
}
