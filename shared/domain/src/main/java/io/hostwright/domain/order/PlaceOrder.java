package io.hostwright.domain.order;

import io.hostwright.domain.customer.Customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer's order as the storefront sent it, before validation. Fields are raw (nullable) so the use case can
 * name every one that is missing or wrong.
 *
 * @param options the order's {@code options} object as decoded: Integer/Long, String or Boolean values (anything
 *                else the decoder already refused); null when absent
 */
public record PlaceOrder(
        Customer customer,
        String idempotencyKey,
        String productId,
        String billingCycle,
        String hostname,
        String os,
        Map<String, Object> options) {

    public PlaceOrder {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
