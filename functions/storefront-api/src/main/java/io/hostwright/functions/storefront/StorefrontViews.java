package io.hostwright.functions.storefront;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.storefront.StorefrontQueries;
import io.hostwright.domain.usage.BandwidthReport;
import io.hostwright.domain.template.Availability;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.storefront.ServiceDetails;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    /** One order option as the storefront renders it; fields that do not apply to its kind are left out. */
    record OptionView(String key, String label, String kind, String defaultValue, Long min, Long max, Long step,
                      Long included, PriceView unitPrice, List<ChoiceView> choices, PriceView monthlyPrice) {
    }

    record ChoiceView(String value, String label, PriceView monthlyPrice) {
    }

    /** @param availability null when the product's back-end holds no stock to count */
    record ProductView(String productId, String name, String description, String type,
                       List<OsTemplate> osTemplates, List<OptionView> options, List<BillingCycleView> billingCycles,
                       Availability availability) {
    }

    record ProductList(List<ProductView> products) {
    }

    record OrderView(String orderId, String serviceId, String productId, String productName, String billingCycle,
                     PriceView price, String hostname, String os, Map<String, String> options, Instant acceptedAt) {
    }

    record ServiceSummary(String serviceId, String orderId, String productId, String productName, String hostname,
                          String status, String statusReason, Instant createdAt, Instant updatedAt) {
    }

    record ServiceList(List<ServiceSummary> services) {
    }

    record StepView(String name, String status, int attempts, String detail, Instant updatedAt) {
    }

    record ServiceView(String serviceId, String orderId, String productId, String productName, String hostname,
                       String type, String os, String osName, Map<String, String> options, String billingCycle,
                       String status,
                       String statusReason, Instant createdAt, Instant updatedAt, Instant paidUntil,
                       List<StepView> steps, LicenceView licence) {
    }

    /**
     * The service's control-panel licence as its customer reads it: never the key (it comes by e-mail), nothing of a
     * licence that went back to the pool.
     *
     * @param reason what happens next, in a sentence; null when it is active
     */
    record LicenceView(String panel, String state, String licenceId, Instant expiresAt, String reason) {
        static LicenceView of(ServiceLicences.Shown l) {
            return l == null ? null : new LicenceView(l.panel(), l.state(), l.licenceId(), l.expiresAt(), l.reason());
        }
    }

    /**
     * A service's traffic this period, in bytes and as the customer reads it.
     *
     * @param p95Mbps the 95th percentile of the 5-minute rates of the counted bytes, in Mbit/s
     */
    record BandwidthView(String serviceId, Instant periodStart, Instant periodEnd, Instant countedUpTo,
                         String metering, long bytesIn, long bytesOut, long usedBytes, Long includedBytes,
                         Double usedPercent, long projectedBytes, String overuseAction, long overageTb,
                         PriceView overagePerTb, PriceView overagePrice, double p95Mbps,
                         List<BandwidthReport.Point> series) {
    }

    static BandwidthView bandwidth(BandwidthReport.View v) {
        return new BandwidthView(v.serviceId(), v.period().start(), v.period().end(), v.countedUpTo(), v.metering(),
                v.bytesIn(), v.bytesOut(), v.countedBytes(), v.allowanceBytes(),
                v.sharePercent() == null ? null : Math.floor(v.sharePercent() * 10) / 10.0, v.projectedBytes(),
                v.overuseAction(), v.overageTb(), price(v.overagePerTb()), price(v.overagePrice()),
                Math.round(v.p95BitsPerSecond() / 1e4) / 100.0, v.series());
    }

    static ProductView product(StorefrontQueries.Offer offer) {
        Product p = offer.product();
        List<BillingCycleView> cycles = p.prices().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().months()))
                .map(e -> new BillingCycleView(e.getKey().code(), e.getKey().months(), PriceView.of(e.getValue())))
                .toList();
        return new ProductView(p.productId(), p.name(), p.description(), p.type().code(), p.osTemplates(),
                p.options().stream().map(StorefrontViews::option).toList(), cycles, offer.availability());
    }

    private static OptionView option(OrderOption option) {
        return switch (option) {
            case IntegerOption i -> new OptionView(i.key(), i.label(), "integer", i.defaultValue(), i.min(), i.max(),
                    i.step(), i.included(), price(i.unitPrice()), null, null);
            case ChoiceOption c -> new OptionView(c.key(), c.label(), "choice", c.defaultValue(), null, null, null,
                    null, null, c.choices().stream()
                    .map(ch -> new ChoiceView(ch.value(), ch.label(), price(ch.monthlyPrice()))).toList(), null);
            case BooleanOption b -> new OptionView(b.key(), b.label(), "boolean", b.defaultValue(), null, null, null,
                    null, null, null, price(b.monthlyPrice()));
        };
    }

    private static PriceView price(Price price) {
        return price == null ? null : PriceView.of(price);
    }

    static OrderView order(Order o) {
        return new OrderView(o.orderId(), o.serviceId(), o.productId(), o.productName(), o.billingCycle().code(),
                PriceView.of(o.price()), o.hostname(), o.osTemplateId(), o.options(), o.acceptedAt());
    }

    static ServiceSummary summary(Service s) {
        return new ServiceSummary(s.serviceId(), s.orderId(), s.productId(), s.productName(), s.hostname(),
                s.status().name(), s.statusReason(), s.createdAt(), s.updatedAt());
    }

    static ServiceView service(ServiceDetails details, ServiceLicences.Shown licence) {
        Service s = details.service();
        List<StepView> steps = details.steps().stream()
                .sorted(Comparator.comparingInt(ProvisioningStep::sequence))
                .map(st -> new StepView(st.name(), st.status().name(), st.attempts(), st.detail(), st.updatedAt()))
                .toList();
        BillingCycle cycle = s.billingCycle();
        return new ServiceView(s.serviceId(), s.orderId(), s.productId(), s.productName(), s.hostname(),
                s.type() == null ? null : s.type().code(), s.osTemplateId(), s.osName(), s.options(),
                cycle == null ? null : cycle.code(), s.status().name(), s.statusReason(), s.createdAt(),
                s.updatedAt(), s.paidUntil(), steps, LicenceView.of(licence));
    }
}
