package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.InMemoryStockLevels;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.customer.Customer;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AcceptOrderTest {

    private final Customer alice = new Customer("alice", "alice@example.test");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final List<Order> dispatchFailures = new ArrayList<>();
    private InMemoryStores stores;
    private final InMemoryStockLevels stock = new InMemoryStockLevels();
    private AcceptOrder accept;

    @BeforeEach
    void setUp() {
        stores = new InMemoryStores();
        stores.saveProduct(Samples.dedicated("dedi-e3", "tenantos", "tenantos-main", Map.of("matchTags", List.of("e3"))));
        stores.saveProduct(new Product("tenant-s", "Cloud tenant S", "", ServiceType.TENANT, "openstack", "os-main",
                "cloud@example.test", List.of(), List.of(new BooleanOption("backup", "Backups", false,
                new Price("EUR", 300))), Map.of(BillingCycle.MONTHLY, new Price("EUR", 1000)), Map.of()));
        accept = new AcceptOrder(stores, stock, stores, new OrderDispatch(stores, stores, stores, clock),
                new SortableIds(clock), clock, (order, cause) -> dispatchFailures.add(order));
    }

    private PlaceOrder order(String key) {
        return new PlaceOrder(alice, key, "dedi-e3", "monthly", "web1.example.com", "debian-12",
                Map.of("ipv4", 2, "bandwidthTb", 20));
    }

    @Test
    void acceptedOrderWritesOrderAndPendingServiceAndDispatchesBothMessages() {
        OrderAccepted accepted = accept.accept(order("k1"));

        assertThat(accepted.status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(accepted.replayed()).isFalse();
        Order stored = stores.orders.get(accepted.orderId());
        assertThat(stored.serviceId()).isEqualTo(accepted.serviceId());
        // 49.00 + one extra address (2.00) + 20 TB (5.00)
        assertThat(stored.price()).isEqualTo(new Price("EUR", 5600));
        assertThat(stored.options()).containsEntry("ipv4", "2").containsEntry("bandwidthTb", "20");
        assertThat(stored.dispatched()).isTrue();
        assertThat(stores.services.get(accepted.serviceId()).status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(stores.provisioning).singleElement()
                .satisfies(p -> assertThat(p.backend()).isEqualTo("tenantos"));
        assertThat(stores.mails).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(MailTemplate.INITIAL_ORDER);
            assertThat(m.to()).containsExactly("alice@example.test");
            assertThat(m.variables()).containsEntry("price", "56.00 EUR").containsEntry("hostname", "web1.example.com")
                    .containsEntry("options", "IPv4 addresses: 2, Traffic: 20 TB");
        });
    }

    @Test
    void theInitialOrderMailNamesWhatWasChosenAsTheCatalogDoes() {
        OrderAccepted accepted = accept.accept(order("k1"));

        Order stored = stores.orders.get(accepted.orderId());
        assertThat(stored.osName()).isEqualTo("Debian 12");
        assertThat(stored.optionsText()).isEqualTo("IPv4 addresses: 2, Traffic: 20 TB");
        assertThat(stores.services.get(accepted.serviceId()).osName()).isEqualTo("Debian 12");
        assertThat(stores.mails).singleElement().satisfies(m -> assertThat(m.variables())
                .containsEntry("os", "Debian 12").containsEntry("billingCycle", "Monthly")
                .doesNotContainValue("debian-12"));
    }

    @Test
    void aBooleanOptionReadsYesOrNo() {
        accept.accept(new PlaceOrder(alice, "k-tenant", "tenant-s", "monthly", null, null, Map.of("backup", true)));

        assertThat(stores.mails).singleElement().satisfies(m -> assertThat(m.variables())
                .containsEntry("options", "Backups: yes").doesNotContainKey("os"));
    }

    @Test
    void anOrderTakenBeforeOrdersPinnedTheCatalogsWordsIsMailedWithItsIdsAndKeys() {
        Order old = new Order("ord_1", "svc_1", "alice", "alice@example.test", "dedi-e3", "Dedicated dedi-e3",
                "tenantos", BillingCycle.ANNUALLY, new Price("EUR", 52900), "web1.example.com", "debian-12",
                Map.of("ipv4", "2"), Instant.EPOCH, null);

        assertThat(OrderDispatch.initialOrderVariables(old)).containsEntry("os", "debian-12")
                .containsEntry("options", "ipv4: 2").containsEntry("billingCycle", "Yearly");
    }

    @Test
    void theServiceIsPaidForItsBillingCycleFromTheOrderInCalendarMonths() {
        OrderAccepted monthly = accept.accept(order("k-monthly"));
        OrderAccepted annually = accept.accept(new PlaceOrder(alice, "k-annually", "dedi-e3", "annually",
                "web2.example.com", "debian-12", Map.of()));

        assertThat(stores.services.get(monthly.serviceId()).paidUntil())
                .isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        assertThat(stores.services.get(annually.serviceId()).paidUntil())
                .isEqualTo(Instant.parse("2027-11-22T10:00:00Z"));
    }

    @Test
    void sameKeySameOrderAnswersTheSameAndCreatesNothing() {
        OrderAccepted first = accept.accept(order("k1"));
        OrderAccepted again = accept.accept(new PlaceOrder(alice, "k1", "dedi-e3", "monthly", "WEB1.example.com",
                "debian-12", Map.of("ipv4", 2L, "bandwidthTb", "20")));

        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.serviceId()).isEqualTo(first.serviceId());
        assertThat(again.replayed()).isTrue();
        assertThat(stores.orders).hasSize(1);
        assertThat(stores.provisioning).hasSize(1);
    }

    @Test
    void sameKeyDifferentOrderIsRefusedAndWritesNothing() {
        accept.accept(order("k1"));
        PlaceOrder different = new PlaceOrder(alice, "k1", "dedi-e3", "monthly", "web2.example.com", "debian-12",
                Map.of("ipv4", 2, "bandwidthTb", 20));

        assertThatThrownBy(() -> accept.accept(different)).isInstanceOfSatisfying(IdempotencyKeyReused.class,
                e -> assertThat(e.header()).isEqualTo("Idempotency-Key"));
        assertThat(stores.orders).hasSize(1);
    }

    @Test
    void aRetryAfterTheProductChangedStillGetsItsFirstAnswer() {
        OrderAccepted first = accept.accept(order("k8"));
        stores.products.remove("dedi-e3");

        OrderAccepted again = accept.accept(order("k8"));
        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.replayed()).isTrue();
        assertThatThrownBy(() -> accept.accept(order("k9"))).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void keysAreScopedToTheCustomer() {
        accept.accept(order("k1"));
        OrderAccepted bobs = accept.accept(new PlaceOrder(new Customer("bob", "bob@example.test"), "k1", "dedi-e3",
                "monthly", "web2.example.com", "debian-12", Map.of()));
        assertThat(bobs.replayed()).isFalse();
        assertThat(stores.orders).hasSize(2);
    }

    @Test
    void missingOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> accept.accept(order(null))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("Idempotency-Key"));
        assertThatThrownBy(() -> accept.accept(order("has space"))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> accept.accept(order("x".repeat(256)))).isInstanceOf(InvalidRequest.class);
        assertThat(stores.orders).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        PlaceOrder bad = new PlaceOrder(alice, "k2", "dedi-e3", "weekly", "-bad-.example", "windows-95",
                Map.of("ipv4", 9, "bandwidthTb", 7, "gpu", true));

        assertThatThrownBy(() -> accept.accept(bad)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                        "billingCycle", "hostname", "os", "options.ipv4", "options.bandwidthTb", "options.gpu"));
        assertThat(stores.orders).isEmpty();
        assertThat(stores.keys).isEmpty();
    }

    @Test
    void unknownProductAndCycleNotSoldAreNamed() {
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k3", "nope", "monthly", "a.example.com",
                "debian-12", null))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("productId"));
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k4", "dedi-e3", "quarterly", "a.example.com",
                "debian-12", null))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.getMessage()).contains("billingCycle").contains("not sold quarterly"));
    }

    @Test
    void optionsDefaultToTheProductsIncludedValues() {
        OrderAccepted accepted = accept.accept(new PlaceOrder(alice, "k5", "dedi-e3", "annually", "a.example.com",
                "ubuntu-24.04", null));
        Order stored = stores.orders.get(accepted.orderId());
        assertThat(stored.options()).isEqualTo(Map.of("ipv4", "1", "bandwidthTb", "10"));
        assertThat(stored.price()).isEqualTo(new Price("EUR", 52900));
    }

    @Test
    void optionsAreCheckedByTheirDeclaration() {
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k8", "dedi-e3", "monthly", "a.example.com",
                "debian-12", Map.of("ipv4", "two", "bandwidthTb", 20.5))))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations()).extracting(
                        Violation::field, Violation::message).containsExactlyInAnyOrder(
                        tuple("options.ipv4", "must be a whole number for product 'dedi-e3'"),
                        tuple("options.bandwidthTb", "must be one of [10, 20, 50] for product 'dedi-e3'")));
        assertThat(stores.orders).isEmpty();
    }

    @Test
    void aProductWithoutOsOrHostnameTakesNeither() {
        OrderAccepted accepted = accept.accept(new PlaceOrder(alice, "k9", "tenant-s", "monthly", null, null,
                Map.of("backup", true)));
        Service service = stores.services.get(accepted.serviceId());
        assertThat(service.hostname()).isNull();
        assertThat(service.osTemplateId()).isNull();
        assertThat(service.label()).isEqualTo(service.serviceId());
        assertThat(stores.orders.get(accepted.orderId()).price()).isEqualTo(new Price("EUR", 1300));

        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k10", "tenant-s", "monthly", null, "debian-12",
                Map.of()))).isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("os"));
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k11", "dedi-e3", "monthly", null, "debian-12",
                Map.of()))).isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("hostname"));
    }

    @Test
    void theServicePinsWhatWasSoldSoLaterProductEditsChangeNothing() {
        OrderAccepted accepted = accept.accept(order("k12"));
        stores.saveProduct(Samples.dedicated("dedi-e3", "tenantos", "elsewhere", Map.of("matchTags", List.of("x"))));

        Service service = stores.services.get(accepted.serviceId());
        assertThat(service.connectionId()).isEqualTo("tenantos-main");
        assertThat(service.sold().department()).isEqualTo("noc@example.test");
        assertThat(service.sold().moduleSettings()).isEqualTo(Map.of("matchTags", List.of("e3")));
        assertThat(service.options()).containsEntry("ipv4", "2");
        assertThat(service.type()).isEqualTo(ServiceType.DEDICATED);
    }

    @Test
    void hostnamesFollowRfc1123() {
        for (String good : List.of("a", "web-1.example.com", "x".repeat(63) + ".com", "A1.EXAMPLE.ORG")) {
            assertThat(HostnameRule.problem(good)).as(good).isEmpty();
        }
        for (String bad : List.of("", "-a.com", "a-.com", "a..com", "a.com.", "a_b.com", "x".repeat(64) + ".com",
                "10.0.0.1", "ä.com", "a b.com", ("abcdefghi." ).repeat(26) + "com")) {
            assertThat(HostnameRule.problem(bad)).as(bad).isPresent();
        }
    }

    @Test
    void anOrderWhoseDispatchFailsIsKeptAndSweptLater() {
        stores.queuesDown = true;
        OrderAccepted accepted = accept.accept(order("k6"));
        assertThat(dispatchFailures).hasSize(1);
        assertThat(stores.orders.get(accepted.orderId()).dispatched()).isFalse();

        stores.queuesDown = false;
        Clock later = Clock.offset(clock, Duration.ofMinutes(5));
        var sweep = new SweepUndispatchedOrders(stores, new OrderDispatch(stores, stores, stores, later), later);
        assertThat(sweep.sweep()).isEqualTo(new SweepUndispatchedOrders.Result(1, 0));
        assertThat(stores.orders.get(accepted.orderId()).dispatched()).isTrue();
        assertThat(stores.provisioning).hasSize(1);
        assertThat(sweep.sweep()).isEqualTo(new SweepUndispatchedOrders.Result(0, 0));
    }

    @Test
    void aRetryWithTheSameKeyFinishesAnInterruptedDispatch() {
        stores.queuesDown = true;
        OrderAccepted first = accept.accept(order("k7"));
        stores.queuesDown = false;
        accept.accept(order("k7"));
        assertThat(stores.orders.get(first.orderId()).dispatched()).isTrue();
        assertThat(stores.mails).hasSize(1);
    }
}
