package io.hostwright.domain.order;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.ids.IdGenerator;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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

    public AcceptOrder(CatalogRepository catalog, OrderRepository orders, OrderDispatch dispatch, IdGenerator ids,
                       Clock clock, DispatchFailureListener onDispatchFailure) {
        this.rules = new OrderRules(catalog);
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
        Order order = new Order(ids.next("ord"), ids.next("svc"), request.customer().id(), request.customer().email(),
                valid.product().productId(), valid.product().name(), valid.product().module(), valid.billingCycle(), valid.price(),
                valid.hostname(), valid.os().id(), valid.ipv4(), valid.bandwidthTb(), now, null);
        Service service = new Service(order.serviceId(), order.orderId(), order.customerId(), order.customerEmail(),
                order.productId(), order.productName(), order.module(), order.hostname(), valid.os().id(),
                valid.os().name(), order.ipv4(), order.bandwidthTb(), order.billingCycle(), ServiceStatus.PENDING,
                "waiting for provisioning", 1, now, now);
        IdempotencyRecord record = new IdempotencyRecord(order.customerId(), key, fingerprint, order.orderId(),
                order.serviceId(), now, now.plus(KEY_RETENTION));
        try {
            // the key is checked by the write itself: a new order costs no read of it
            orders.place(record, order, service);
        } catch (OrderRepository.IdempotencyKeyTaken taken) {
            return replay(orders.findIdempotencyRecord(request.customer().id(), key).orElseThrow(), fingerprint);
        }
        dispatchQuietly(order);
        return new OrderAccepted(order.orderId(), order.serviceId(), ServiceStatus.PENDING, false);
    }

    private OrderAccepted replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(IDEMPOTENCY_HEADER, IDEMPOTENCY_HEADER
                    + " was already used for a different order; use a new key for a new order");
        }
        orders.findOrder(earlier.orderId())
                .filter(o -> !o.dispatched())
                .ifPresent(this::dispatchQuietly);
        return new OrderAccepted(earlier.orderId(), earlier.serviceId(), ServiceStatus.PENDING, true);
    }

    private void dispatchQuietly(Order order) {
        try {
            dispatch.dispatch(order);
        } catch (RuntimeException e) {
            onDispatchFailure.dispatchFailed(order, e);
        }
    }

    /** What makes two requests "the same order": every field the customer chose, normalised. */
    static String fingerprint(PlaceOrder r) {
        return IdempotencyKeys.fingerprint(
                String.valueOf(r.productId()), String.valueOf(r.billingCycle()),
                r.hostname() == null ? "null" : r.hostname().toLowerCase(Locale.ROOT),
                String.valueOf(r.os()), String.valueOf(r.ipv4()), String.valueOf(r.bandwidthTb()));
    }
}
