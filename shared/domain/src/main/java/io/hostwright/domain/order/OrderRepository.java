package io.hostwright.domain.order;

import io.hostwright.domain.service.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: orders and the idempotency keys that created them. */
public interface OrderRepository {

    Optional<IdempotencyRecord> findIdempotencyRecord(String customerId, String key);

    /**
     * Writes the key's record, the order and its service in one transaction.
     *
     * @throws IdempotencyKeyTaken when the key was recorded meanwhile (nothing written)
     */
    void place(IdempotencyRecord record, Order order, Service service);

    Optional<Order> findOrder(String orderId);

    /** Records that the order's first messages are queued; a no-op if already recorded. */
    void markDispatched(String orderId, Instant at);

    /** Orders accepted before {@code acceptedBefore} and not yet dispatched, oldest first. */
    List<Order> findUndispatched(Instant acceptedBefore, int limit);

    /** Thrown by {@link #place} when another request recorded the same key first. */
    final class IdempotencyKeyTaken extends RuntimeException {
        public IdempotencyKeyTaken() {
            super("idempotency key already recorded", null, false, false);
        }
    }
}
