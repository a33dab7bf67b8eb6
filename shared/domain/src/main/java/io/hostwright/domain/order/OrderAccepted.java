package io.hostwright.domain.order;

import io.hostwright.domain.service.ServiceStatus;

/**
 * The answer to a placed order.
 *
 * @param replayed true when the idempotency key had been used for this same order before
 */
public record OrderAccepted(String orderId, String serviceId, ServiceStatus status, boolean replayed) {
}
