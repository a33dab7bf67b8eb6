package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Ipv4Range;
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

class AcceptOrderTest {

    private final Customer alice = new Customer("alice", "alice@example.test");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final List<Order> dispatchFailures = new ArrayList<>();
    private InMemoryStores stores;
    private AcceptOrder accept;

    @BeforeEach
    void setUp() {
        stores = new InMemoryStores();
        stores.saveProduct(new Product("dedi-e3", "Dedicated E3-1230", "4 cores", "tenantos", "tenantos-main",
                "noc@example.test",
                List.of(new OsTemplate("debian-12", "Debian 12"), new OsTemplate("ubuntu-24.04", "Ubuntu 24.04")),
                new Ipv4Range(1, 8, 1), List.of(10, 20, 50),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 4900), BillingCycle.ANNUALLY, new Price("EUR", 52900))));
        accept = new AcceptOrder(stores, stores, new OrderDispatch(stores, stores, stores, clock),
                new SortableIds(clock), clock, (order, cause) -> dispatchFailures.add(order));
    }

    private PlaceOrder order(String key) {
        return new PlaceOrder(alice, key, "dedi-e3", "monthly", "web1.example.com", "debian-12", 2, 20);
    }

    @Test
    void acceptedOrderWritesOrderAndPendingServiceAndDispatchesBothMessages() {
        OrderAccepted accepted = accept.accept(order("k1"));

        assertThat(accepted.status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(accepted.replayed()).isFalse();
        Order stored = stores.orders.get(accepted.orderId());
        assertThat(stored.serviceId()).isEqualTo(accepted.serviceId());
        assertThat(stored.price()).isEqualTo(new Price("EUR", 4900));
        assertThat(stored.dispatched()).isTrue();
        assertThat(stores.services.get(accepted.serviceId()).status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(stores.provisioning).singleElement()
                .satisfies(p -> assertThat(p.module()).isEqualTo("tenantos"));
        assertThat(stores.mails).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(MailTemplate.INITIAL_ORDER);
            assertThat(m.to()).containsExactly("alice@example.test");
            assertThat(m.variables()).containsEntry("price", "49.00 EUR").containsEntry("hostname", "web1.example.com");
        });
    }

    @Test
    void sameKeySameOrderAnswersTheSameAndCreatesNothing() {
        OrderAccepted first = accept.accept(order("k1"));
        OrderAccepted again = accept.accept(new PlaceOrder(alice, "k1", "dedi-e3", "monthly", "WEB1.example.com",
                "debian-12", 2, 20));

        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.serviceId()).isEqualTo(first.serviceId());
        assertThat(again.replayed()).isTrue();
        assertThat(stores.orders).hasSize(1);
        assertThat(stores.provisioning).hasSize(1);
    }

    @Test
    void sameKeyDifferentOrderIsRefusedAndWritesNothing() {
        accept.accept(order("k1"));
        PlaceOrder different = new PlaceOrder(alice, "k1", "dedi-e3", "monthly", "web2.example.com", "debian-12", 2, 20);

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
                "monthly", "web2.example.com", "debian-12", 1, 10));
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
        PlaceOrder bad = new PlaceOrder(alice, "k2", "dedi-e3", "weekly", "-bad-.example", "windows-95", 9, 7);

        assertThatThrownBy(() -> accept.accept(bad)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                        "billingCycle", "hostname", "os", "options.ipv4", "options.bandwidthTb"));
        assertThat(stores.orders).isEmpty();
        assertThat(stores.keys).isEmpty();
    }

    @Test
    void unknownProductAndCycleNotSoldAreNamed() {
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k3", "nope", "monthly", "a.example.com",
                "debian-12", null, null))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("productId"));
        assertThatThrownBy(() -> accept.accept(new PlaceOrder(alice, "k4", "dedi-e3", "quarterly", "a.example.com",
                "debian-12", null, null))).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.getMessage()).contains("billingCycle").contains("not sold quarterly"));
    }

    @Test
    void optionsDefaultToTheProductsIncludedValues() {
        OrderAccepted accepted = accept.accept(new PlaceOrder(alice, "k5", "dedi-e3", "annually", "a.example.com",
                "ubuntu-24.04", null, null));
        Order stored = stores.orders.get(accepted.orderId());
        assertThat(stored.ipv4()).isEqualTo(1);
        assertThat(stored.bandwidthTb()).isEqualTo(10);
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
