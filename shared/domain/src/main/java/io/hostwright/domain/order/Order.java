package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An accepted order. {@code dispatchedAt} is null until its first provisioning step and initial e-mail are on
 * their queues; the dispatch sweeper finishes what an interrupted acceptance left.
 *
 * @param price        the billing cycle's price with every chosen option
 * @param hostname     null when the product's kind of service has none
 * @param osTemplateId null when the product offers no OS
 * @param osName       the OS as the catalog named it when the order was taken; null when there is none (or the order
 *                     was taken before orders pinned it)
 * @param options      every option of the product, chosen or defaulted, in canonical form
 * @param optionsText  the same options in the catalog's words when the order was taken, e.g. "IPv4 addresses: 2,
 *                     Monthly traffic (TB): 20 TB"; null when unknown (orders taken before orders pinned it)
 */
public record Order(
        String orderId,
        String serviceId,
        String customerId,
        String customerEmail,
        String productId,
        String productName,
        String backend,
        BillingCycle billingCycle,
        Price price,
        String hostname,
        String osTemplateId,
        String osName,
        Map<String, String> options,
        String optionsText,
        Instant acceptedAt,
        Instant dispatchedAt) {

    public Order {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** An order without the catalog's words for its OS and options (the e-mail falls back to ids and keys). */
    public Order(String orderId, String serviceId, String customerId, String customerEmail, String productId,
                 String productName, String backend, BillingCycle billingCycle, Price price, String hostname,
                 String osTemplateId, Map<String, String> options, Instant acceptedAt, Instant dispatchedAt) {
        this(orderId, serviceId, customerId, customerEmail, productId, productName, backend, billingCycle, price,
                hostname, osTemplateId, null, options, null, acceptedAt, dispatchedAt);
    }

    public boolean dispatched() {
        return dispatchedAt != null;
    }

    public Order dispatchedAt(Instant at) {
        return new Order(orderId, serviceId, customerId, customerEmail, productId, productName, backend, billingCycle,
                price, hostname, osTemplateId, osName, options, optionsText, acceptedAt, at);
    }
}
