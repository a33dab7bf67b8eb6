package io.hostwright.domain.order;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.ids.IdGenerator;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.template.StockLevel;
import io.hostwright.domain.template.StockLevels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use case: accept a customer's order. Validates it against the catalog, writes order and service in one
 * transaction keyed by the customer's {@code Idempotency-Key}, then dispatches the first provisioning step and the
 * "initial order" e-mail. The same key with the same order answers the first answer again and creates nothing;
 * the same key with a different order is refused.
 */
public final class AcceptOrder {

    public static final String IDEMPOTENCY_HEADER = IdempotencyKeys.HEADER;
    public static final Duration KEY_RETENTION = IdempotencyKeys.RETENTION;

    private final OrderRules rules;
    private final StockLevels stock;
    private final OrderRepository orders;
    private final OrderDispatch dispatch;
    private final IdGenerator ids;
    private final Clock clock;
    private final DispatchFailureListener onDispatchFailure;

    /** Told when the order was stored but its messages could not be queued; the sweeper will retry. */
    @FunctionalInterface
    public interface DispatchFailureListener {
        void dispatchFailed(Order order, RuntimeException cause);
    }

    /** @param stock the stock the template sync counted: an order for a product out of stock waits for it */
    public AcceptOrder(CatalogRepository catalog, StockLevels stock, OrderRepository orders, OrderDispatch dispatch,
                       IdGenerator ids, Clock clock, DispatchFailureListener onDispatchFailure) {
        this.rules = new OrderRules(catalog);
        this.stock = stock;
        this.orders = orders;
        this.dispatch = dispatch;
        this.ids = ids;
        this.clock = clock;
        this.onDispatchFailure = onDispatchFailure;
    }

    public OrderAccepted accept(PlaceOrder request) {
        Objects.requireNonNull(request.customer(), "customer");
        String key = request.idempotencyKey();
        IdempotencyKeys.check(key, true, "order");
        String fingerprint = fingerprint(request);
        ValidatedOrder valid;
        try {
            valid = rules.validate(request);
        } catch (InvalidRequest invalid) {
            // a retry of an order accepted before its product changed still gets its first answer
            Optional<IdempotencyRecord> earlier = orders.findIdempotencyRecord(request.customer().id(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
            throw invalid;
        }
        Instant now = clock.instant();
        Product product = valid.product();
        OsTemplate os = valid.os();
        // the order pins the catalog's words for what was chosen, so its e-mail names them however the catalog changes
        Order order = new Order(ids.next("ord"), ids.next("svc"), request.customer().id(), request.customer().email(),
                product.productId(), product.name(), product.backend(), valid.billingCycle(), valid.price(),
                valid.hostname(), os == null ? null : os.id(), os == null ? null : os.name(), valid.options(),
                OrderDispatch.optionsInWords(product, valid.options()), now, null);
        // the service pins what was sold: later edits of the product never change how it is run
        SoldProduct sold = new SoldProduct(product.productId(), product.name(), product.type(), product.backend(),
                product.connectionId(), product.department(), valid.billingCycle(), valid.options(),
                product.moduleSettings(), product.bandwidth(), product.licenceChosen(valid.options()).orElse(null));
        Service service = new Service(order.serviceId(), order.orderId(), order.customerId(), order.customerEmail(),
                sold, order.hostname(), order.osTemplateId(), order.osName(),
                ServiceStatus.PENDING, "waiting for provisioning", 1, now, now,
                Service.monthsAfter(now, valid.billingCycle().months()));
        IdempotencyRecord record = new IdempotencyRecord(order.customerId(), key, fingerprint, order.orderId(),
                order.serviceId(), now, now.plus(KEY_RETENTION));
        try {
            // the key is checked by the write itself: a new order costs no read of it
            orders.place(record, order, service);
        } catch (OrderRepository.IdempotencyKeyTaken taken) {
            return replay(orders.findIdempotencyRecord(request.customer().id(), key).orElseThrow(), fingerprint);
        }
        dispatchQuietly(order);
        return new OrderAccepted(order.orderId(), order.serviceId(), ServiceStatus.PENDING, false,
                waitingForStock(product.productId()));
    }

    private OrderAccepted replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(IDEMPOTENCY_HEADER, IDEMPOTENCY_HEADER
                    + " was already used for a different order; use a new key for a new order");
        }
        Optional<Order> order = orders.findOrder(earlier.orderId());
        order.filter(o -> !o.dispatched()).ifPresent(this::dispatchQuietly);
        return new OrderAccepted(earlier.orderId(), earlier.serviceId(), ServiceStatus.PENDING, true,
                order.map(o -> waitingForStock(o.productId())).orElse(false));
    }

    /** Out of stock when the last sync counted none: the order is taken and provisioned when a server is free. */
    private boolean waitingForStock(String productId) {
        return stock.find(productId).map(StockLevel::outOfStock).orElse(false);
    }

    private void dispatchQuietly(Order order) {
        try {
            dispatch.dispatch(order);
        } catch (RuntimeException e) {
            onDispatchFailure.dispatchFailed(order, e);
        }
    }

    /** Options as text, so that 2 and 2L (or "20" and 20 for a choice) are the same choice. */
    private static Map<String, String> canonicalised(Map<String, Object> options) {
        Map<String, String> text = new TreeMap<>();
        options.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return text;
    }

    /** What makes two requests "the same order": every field the customer chose, normalised. */
    static String fingerprint(PlaceOrder r) {
        return IdempotencyKeys.fingerprint(
                String.valueOf(r.productId()), String.valueOf(r.billingCycle()),
                r.hostname() == null ? "null" : r.hostname().toLowerCase(Locale.ROOT),
                String.valueOf(r.os()), new TreeMap<>(canonicalised(r.options())).toString());
    }
}
