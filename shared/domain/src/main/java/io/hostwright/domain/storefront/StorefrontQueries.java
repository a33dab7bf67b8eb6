package io.hostwright.domain.storefront;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderRepository;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import io.hostwright.domain.template.Availability;
import io.hostwright.domain.template.StockLevel;
import io.hostwright.domain.template.StockLevels;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Use case: what the storefront reads. A customer only ever sees their own orders and services; anything else is
 * "not found", so ids of other customers' resources leak nothing.
 */
public final class StorefrontQueries {

    private final CatalogRepository catalog;
    private final StockLevels stock;
    private final OrderRepository orders;
    private final ServiceRepository services;

    public StorefrontQueries(CatalogRepository catalog, StockLevels stock, OrderRepository orders,
                             ServiceRepository services) {
        this.catalog = catalog;
        this.stock = stock;
        this.orders = orders;
        this.services = services;
    }

    /**
     * A product as the storefront shows it.
     *
     * @param availability its stock as the last sync counted it; null when its back-end holds no stock (or no sync ran)
     */
    public record Offer(Product product, Availability availability) {
    }

    /** The products staff made visible, in their sort order (then by id). */
    public List<Offer> products() {
        Map<String, StockLevel> levels = stock.all();
        return catalog.listProducts().stream().filter(Product::visible)
                .sorted(Comparator.comparingInt(Product::sortOrder).thenComparing(Product::productId))
                .map(p -> offer(p, levels.get(p.productId())))
                .toList();
    }

    /** Any product by id, hidden ones too (a hidden product is ordered by a direct link). */
    public Offer product(String productId) {
        Product product = catalog.findProduct(productId).orElseThrow(() -> new NotFound("product", productId));
        return offer(product, stock.find(productId).orElse(null));
    }

    private static Offer offer(Product product, StockLevel level) {
        return new Offer(product, level == null ? null : Availability.of(level.available()));
    }

    public Order order(Customer customer, String orderId) {
        return orders.findOrder(orderId)
                .filter(o -> o.customerId().equals(customer.id()))
                .orElseThrow(() -> new NotFound("order", orderId));
    }

    public List<Service> services(Customer customer) {
        return services.listByCustomer(customer.id());
    }

    public ServiceDetails service(Customer customer, String serviceId) {
        Service service = services.findService(serviceId)
                .filter(s -> s.customerId().equals(customer.id()))
                .orElseThrow(() -> new NotFound("service", serviceId));
        return new ServiceDetails(service, services.steps(serviceId));
    }
}
