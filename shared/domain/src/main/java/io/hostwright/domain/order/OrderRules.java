package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks an order against the catalog; reports every problem at once, each with the field at fault. Options are the
 * ones the product declares, checked by their declaration; nothing here knows a back-end.
 */
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

        if (!isBlank(order.hostname())) {
            HostnameRule.problem(order.hostname()).ifPresent(p -> violations.add(new Violation("hostname", p)));
        }

        if (product.isEmpty()) {
            if (isBlank(order.hostname())) {
                violations.add(new Violation("hostname", "is required"));
            }
            throw new InvalidRequest(violations);
        }
        Product p = product.get();
        if (isBlank(order.hostname()) && p.type().needsHostname()) {
            violations.add(new Violation("hostname", "is required for a " + p.type().code()));
        }

        if (cycle.isPresent() && p.price(cycle.get()).isEmpty()) {
            violations.add(new Violation("billingCycle", "product '" + p.productId() + "' is not sold "
                    + cycle.get().code() + "; offered: " + p.prices().keySet().stream().map(BillingCycle::code).sorted().toList()));
        }

        OsTemplate os = os(order, p, violations);
        Map<String, String> options = options(order, p, violations);

        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new ValidatedOrder(p, cycle.orElseThrow(), p.priceWith(cycle.get(), options).orElseThrow(),
                isBlank(order.hostname()) ? null : order.hostname().toLowerCase(Locale.ROOT), os, options);
    }

    /** The OS is chosen from the product's list; a product with one takes it by default, one with none takes none. */
    private static OsTemplate os(PlaceOrder order, Product p, List<Violation> violations) {
        if (p.osTemplates().isEmpty()) {
            if (!isBlank(order.os())) {
                violations.add(new Violation("os", "product '" + p.productId() + "' offers no operating system"));
            }
            return null;
        }
        if (isBlank(order.os())) {
            if (p.osTemplates().size() == 1) {
                return p.osTemplates().getFirst();
            }
            violations.add(new Violation("os", "is required; offered: " + templateIds(p)));
            return null;
        }
        return p.osTemplate(order.os()).orElseGet(() -> {
            violations.add(new Violation("os", "'" + order.os() + "' is not offered by product '"
                    + p.productId() + "'; offered: " + templateIds(p)));
            return null;
        });
    }

    /** Every option the product declares, chosen or defaulted; an option it does not declare is refused by name. */
    private static Map<String, String> options(PlaceOrder order, Product p, List<Violation> violations) {
        for (String key : order.options().keySet()) {
            if (p.option(key).isEmpty()) {
                violations.add(new Violation("options." + key, "is not an option of product '" + p.productId()
                        + "'; its options: " + p.options().stream().map(OrderOption::key).toList()));
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (OrderOption option : p.options()) {
            Object raw = order.options().get(option.key());
            if (raw == null) {
                chosen.put(option.key(), option.defaultValue());
                continue;
            }
            Optional<String> problem = option.problem(raw);
            if (problem.isPresent()) {
                violations.add(new Violation("options." + option.key(), problem.get() + " for product '"
                        + p.productId() + "'"));
            } else {
                chosen.put(option.key(), option.canonical(raw));
            }
        }
        return chosen;
    }

    private static String templateIds(Product p) {
        return p.osTemplates().stream().map(OsTemplate::id).collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
