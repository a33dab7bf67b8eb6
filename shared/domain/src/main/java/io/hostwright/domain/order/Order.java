package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;

import java.time.Instant;

/**
 * An accepted order. {@code dispatchedAt} is null until its first provisioning step and initial e-mail are on
 * their queues; the dispatch sweeper finishes what an interrupted acceptance left.
 */
public record Order(
        String orderId,
        String serviceId,
        String customerId,
        String customerEmail,
        String productId,
        String productName,
        String module,
        BillingCycle billingCycle,
        Price price,
        String hostname,
        String osTemplateId,
        int ipv4,
        int bandwidthTb,
        Instant acceptedAt,
        Instant dispatchedAt) {

    public boolean dispatched() {
        return dispatchedAt != null;
    }
}
