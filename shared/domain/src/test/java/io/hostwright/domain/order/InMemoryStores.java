package io.hostwright.domain.order;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.service.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain in-memory stand-ins for the ports, for unit tests of the rules. Adapters are tested on the emulators. */
final class InMemoryStores implements CatalogRepository, OrderRepository, StepQueue, MailQueue {

    final Map<String, Product> products = new LinkedHashMap<>();
    final Map<String, IdempotencyRecord> keys = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final List<StepMessage> provisioning = new ArrayList<>();
    final List<MailRequest> mails = new ArrayList<>();
    boolean queuesDown;

    @Override public Optional<Product> findProduct(String id) { return Optional.ofNullable(products.get(id)); }
    @Override public List<Product> listProducts() { return List.copyOf(products.values()); }
    @Override public void saveProduct(Product p) { products.put(p.productId(), p); }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String customerId, String key) {
        return Optional.ofNullable(keys.get(customerId + "/" + key));
    }

    @Override
    public void place(IdempotencyRecord record, Order order, Service service) {
        if (keys.putIfAbsent(record.customerId() + "/" + record.key(), record) != null) {
            throw new IdempotencyKeyTaken();
        }
        orders.put(order.orderId(), order);
        services.put(service.serviceId(), service);
    }

    @Override public Optional<Order> findOrder(String id) { return Optional.ofNullable(orders.get(id)); }

    @Override
    public void markDispatched(String orderId, Instant at) {
        Order o = orders.get(orderId);
        orders.put(orderId, o.dispatchedAt(at));
    }

    @Override
    public List<Order> findUndispatched(Instant before, int limit) {
        return orders.values().stream().filter(o -> !o.dispatched() && o.acceptedAt().isBefore(before))
                .sorted(Comparator.comparing(Order::acceptedAt)).limit(limit).toList();
    }

    @Override
    public void enqueue(StepMessage request, Duration delay) {
        if (queuesDown) throw new IllegalStateException("queue unavailable");
        provisioning.add(request);
    }

    @Override
    public void enqueue(MailRequest mail) {
        if (queuesDown) throw new IllegalStateException("queue unavailable");
        mails.add(mail);
    }
}
