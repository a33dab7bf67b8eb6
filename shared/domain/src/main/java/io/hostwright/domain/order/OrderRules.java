package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks an order against the catalog; reports every problem at once, each with the field at fault. */
final class OrderRules {

    private final CatalogRepository catalog;

    OrderRules(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    ValidatedOrder validate(PlaceOrder order) {
        List<Violation> violations = new ArrayList<>();
        Optional<Product> product = Optional.empty();
        if (isBlank(order.productId())) {
            violations.add(new Violation("productId", "is required"));
        } else {
            product = catalog.findProduct(order.productId());
            if (product.isEmpty()) {
                violations.add(new Violation("productId", "no product '" + order.productId() + "' in the catalog"));
            }
        }

        Optional<BillingCycle> cycle = Optional.empty();
        if (isBlank(order.billingCycle())) {
            violations.add(new Violation("billingCycle", "is required"));
        } else {
            cycle = BillingCycle.fromCode(order.billingCycle());
            if (cycle.isEmpty()) {
                violations.add(new Violation("billingCycle", "unknown billing cycle '" + order.billingCycle()
                        + "'; one of " + Arrays.stream(BillingCycle.values()).map(BillingCycle::code).toList()));
            }
        }

        if (isBlank(order.hostname())) {
            violations.add(new Violation("hostname", "is required"));
        } else {
            HostnameRule.problem(order.hostname()).ifPresent(p -> violations.add(new Violation("hostname", p)));
        }

        if (product.isEmpty()) {
            if (isBlank(order.os()) && !isBlank(order.productId())) {
                violations.add(new Violation("os", "is required"));
            }
            throw new InvalidRequest(violations);
        }
        Product p = product.get();

        if (cycle.isPresent() && p.price(cycle.get()).isEmpty()) {
            violations.add(new Violation("billingCycle", "product '" + p.productId() + "' is not sold "
                    + cycle.get().code() + "; offered: " + p.prices().keySet().stream().map(BillingCycle::code).sorted().toList()));
        }

        OsTemplate os = null;
        if (isBlank(order.os())) {
            if (p.osTemplates().size() == 1) {
                os = p.osTemplates().get(0);
            } else {
                violations.add(new Violation("os", "is required; offered: " + templateIds(p)));
            }
        } else {
            os = p.osTemplate(order.os()).orElse(null);
            if (os == null) {
                violations.add(new Violation("os", "'" + order.os() + "' is not offered by product '"
                        + p.productId() + "'; offered: " + templateIds(p)));
            }
        }

        int ipv4 = order.ipv4() == null ? p.ipv4().included() : order.ipv4();
        if (!p.ipv4().contains(ipv4)) {
            violations.add(new Violation("options.ipv4", "must be between " + p.ipv4().min() + " and "
                    + p.ipv4().max() + " for product '" + p.productId() + "'"));
        }

        int bandwidth = order.bandwidthTb() == null ? p.defaultBandwidthTb() : order.bandwidthTb();
        if (!p.bandwidthTb().contains(bandwidth)) {
            violations.add(new Violation("options.bandwidthTb", "must be one of " + p.bandwidthTb()
                    + " for product '" + p.productId() + "'"));
        }

        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new ValidatedOrder(p, cycle.orElseThrow(), p.price(cycle.get()).orElseThrow(),
                order.hostname().toLowerCase(Locale.ROOT), os, ipv4, bandwidth);
    }

    private static String templateIds(Product p) {
        return p.osTemplates().stream().map(OsTemplate::id).collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
