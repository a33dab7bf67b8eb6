package io.hostwright.functions.storefront;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.storefront.ServiceDetails;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The storefront's JSON shapes (see the OpenAPI document). Internal fields — connection, staff department, back-end
 * ids — never leave through these.
 */
final class StorefrontViews {

    private StorefrontViews() {
    }

    record PriceView(String currency, long amountMinor, String display) {
        static PriceView of(Price p) {
            return new PriceView(p.currency(), p.amountMinor(), p.display());
        }
    }

    record BillingCycleView(String cycle, int months, PriceView price) {
    }

    record Ipv4View(int min, int max, int included) {
    }

    record OptionsView(Ipv4View ipv4, List<Integer> bandwidthTb) {
    }

    record ProductView(String productId, String name, String description, String type,
                       List<OsTemplate> osTemplates, OptionsView options, List<BillingCycleView> billingCycles) {
    }

    record ProductList(List<ProductView> products) {
    }

    record OrderOptionsView(int ipv4, int bandwidthTb) {
    }

    record OrderView(String orderId, String serviceId, String productId, String productName, String billingCycle,
                     PriceView price, String hostname, String os, OrderOptionsView options, Instant acceptedAt) {
    }

    record ServiceSummary(String serviceId, String orderId, String productId, String productName, String hostname,
                          String status, String statusReason, Instant createdAt, Instant updatedAt) {
    }

    record ServiceList(List<ServiceSummary> services) {
    }

    record StepView(String name, String status, int attempts, String detail, Instant updatedAt) {
    }

    record ServiceView(String serviceId, String orderId, String productId, String productName, String hostname,
                       String os, String osName, OrderOptionsView options, String billingCycle, String status,
                       String statusReason, Instant createdAt, Instant updatedAt, List<StepView> steps) {
    }

    static ProductView product(Product p) {
        List<BillingCycleView> cycles = p.prices().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().months()))
                .map(e -> new BillingCycleView(e.getKey().code(), e.getKey().months(), PriceView.of(e.getValue())))
                .toList();
        return new ProductView(p.productId(), p.name(), p.description(), typeOf(p.module()), p.osTemplates(),
                new OptionsView(new Ipv4View(p.ipv4().min(), p.ipv4().max(), p.ipv4().included()), p.bandwidthTb()),
                cycles);
    }

    /** What the customer buys, named by the kind of service rather than the back-end that provisions it. */
    private static String typeOf(String module) {
        return switch (module) {
            case "tenantos", "dcimanager" -> "dedicated-server";
            case "vmmanager" -> "vps";
            case "openstack" -> "cloud";
            default -> "other";
        };
    }

    static OrderView order(Order o) {
        return new OrderView(o.orderId(), o.serviceId(), o.productId(), o.productName(), o.billingCycle().code(),
                PriceView.of(o.price()), o.hostname(), o.osTemplateId(), new OrderOptionsView(o.ipv4(), o.bandwidthTb()),
                o.acceptedAt());
    }

    static ServiceSummary summary(Service s) {
        return new ServiceSummary(s.serviceId(), s.orderId(), s.productId(), s.productName(), s.hostname(),
                s.status().name(), s.statusReason(), s.createdAt(), s.updatedAt());
    }

    static ServiceView service(ServiceDetails details) {
        Service s = details.service();
        List<StepView> steps = details.steps().stream()
                .sorted(Comparator.comparingInt(ProvisioningStep::sequence))
                .map(st -> new StepView(st.name(), st.status().name(), st.attempts(), st.detail(), st.updatedAt()))
                .toList();
        BillingCycle cycle = s.billingCycle();
        return new ServiceView(s.serviceId(), s.orderId(), s.productId(), s.productName(), s.hostname(),
                s.osTemplateId(), s.osName(), new OrderOptionsView(s.ipv4(), s.bandwidthTb()),
                cycle == null ? null : cycle.code(), s.status().name(), s.statusReason(), s.createdAt(),
                s.updatedAt(), steps);
    }
}
