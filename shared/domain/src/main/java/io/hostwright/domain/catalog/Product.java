package io.hostwright.domain.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a customer can order: a dedicated server, VPS, tenant, colocation or licence, provisioned by one
 * back-end module over one connection.
 *
 * @param module       back-end module that provisions it, e.g. {@code tenantos}
 * @param connectionId the back-end connection it provisions on
 * @param department   staff e-mail address told about failures
 * @param bandwidthTb  monthly traffic allowances the customer may choose, first is the default
 */
public record Product(
        String productId,
        String name,
        String description,
        String module,
        String connectionId,
        String department,
        List<OsTemplate> osTemplates,
        Ipv4Range ipv4,
        List<Integer> bandwidthTb,
        Map<BillingCycle, Price> prices) {

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(ipv4, "ipv4");
        description = description == null ? "" : description;
        osTemplates = List.copyOf(osTemplates);
        bandwidthTb = List.copyOf(bandwidthTb);
        prices = prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
        if (osTemplates.isEmpty()) {
            throw new IllegalArgumentException("product " + productId + " offers no OS template");
        }
        if (bandwidthTb.isEmpty() || bandwidthTb.stream().anyMatch(tb -> tb < 1)) {
            throw new IllegalArgumentException("product " + productId + " needs bandwidth choices of at least 1 TB");
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("product " + productId + " has no billing cycle");
        }
    }

    public Optional<OsTemplate> osTemplate(String id) {
        return osTemplates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Price> price(BillingCycle cycle) {
        return Optional.ofNullable(prices.get(cycle));
    }

    public int defaultBandwidthTb() {
        return bandwidthTb.get(0);
    }
}
