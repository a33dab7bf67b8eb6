package io.hostwright.domain.order;

import io.hostwright.domain.customer.Customer;

/**
 * A customer's order as the storefront sent it, before validation. Fields are raw (nullable) so the use case can
 * name every one that is missing or wrong.
 */
public record PlaceOrder(
        Customer customer,
        String idempotencyKey,
        String productId,
        String billingCycle,
        String hostname,
        String os,
        Integer ipv4,
        Integer bandwidthTb) {
}
