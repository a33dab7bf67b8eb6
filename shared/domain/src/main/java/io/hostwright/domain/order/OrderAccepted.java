package io.hostwright.domain.order;

import io.hostwright.domain.service.ServiceStatus;

/**
 * The answer to a placed order.
 *
 * @param replayed        true when the idempotency key had been used for this same order before
 * @param waitingForStock the back-end had no stock of the product at its last count: the order waits for some
 */
public record OrderAccepted(String orderId, String serviceId, ServiceStatus status, boolean replayed,
                            boolean waitingForStock) {
}
