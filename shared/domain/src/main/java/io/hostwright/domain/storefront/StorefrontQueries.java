package io.hostwright.domain.storefront;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderRepository;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import java.util.Comparator;
import java.util.List;

/**
 * Use case: what the storefront reads. A customer only ever sees their own orders and services; anything else is
 * "not found", so ids of other customers' resources leak nothing.
 */
public final class StorefrontQueries {

    private final CatalogRepository catalog;
    private final OrderRepository orders;
    private final ServiceRepository services;

    public StorefrontQueries(CatalogRepository catalog, OrderRepository orders, ServiceRepository services) {
        this.catalog = catalog;
        this.orders = orders;
        this.services = services;
    }

    /** The products staff made visible, in their sort order (then by id). */
    public List<Product> products() {
        return catalog.listProducts().stream().filter(Product::visible)
                .sorted(Comparator.comparingInt(Product::sortOrder).thenComparing(Product::productId))
                .toList();
    }

    public Product product(String productId) {
        return catalog.findProduct(productId).orElseThrow(() -> new NotFound("product", productId));
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
