package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderRepository;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapters against DynamoDB Local, with the table the manifest describes. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbOrderAndServiceRepositoryTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00.5Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final String customer = "cust-" + UUID.randomUUID();
    private DynamoDbOrderRepository orders;
    private DynamoDbServiceRepository services;
    private DynamoDbCatalogRepository catalog;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), clock);
        services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName());
    }

    private Order order(String id, Instant acceptedAt) {
        return new Order("ord_" + id, "svc_" + id, customer, "c@example.test", "dedi", "Dedi", "tenantos",
                BillingCycle.MONTHLY, new Price("EUR", 4900), "a.example.com", "debian-12",
                Map.of("ipv4", "1", "bandwidthTb", "10"), acceptedAt, null);
    }

    private Service service(String id, Instant createdAt) {
        SoldProduct sold = Samples.sold(Samples.dedicated("dedi", "tenantos", "conn",
                Map.of("matchTags", List.of("forRent"), "roleId", 3, "lifecycle", Map.of("wipeDeadline", "PT6H"))),
                Map.of("ipv4", "2"));
        return new Service("svc_" + id, "ord_" + id, customer, "c@example.test", sold, "a.example.com", "debian-12",
                "Debian 12", ServiceStatus.PENDING, "waiting", 1, createdAt, createdAt);
    }

    private IdempotencyRecord key(String key, String id) {
        // expiresAt is a TTL attribute: whole epoch seconds
        return new IdempotencyRecord(customer, key, "fp", "ord_" + id, "svc_" + id, now,
                now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void placedOrderIsReadBackWithItsServiceAndKey() {
        String id = UUID.randomUUID().toString();
        orders.place(key("k", id), order(id, now), service(id, now));

        assertThat(orders.findOrder("ord_" + id)).contains(order(id, now));
        assertThat(services.findService("svc_" + id)).contains(service(id, now));
        assertThat(orders.findIdempotencyRecord(customer, "k")).contains(key("k", id));
        assertThat(orders.findIdempotencyRecord("someone-else", "k")).isEmpty();
    }

    @Test
    void anOrderKeepsTheCatalogsWordsForItsOsAndOptions() {
        String id = UUID.randomUUID().toString();
        Order base = order(id, now);
        Order worded = new Order(base.orderId(), base.serviceId(), base.customerId(), base.customerEmail(),
                base.productId(), base.productName(), base.backend(), base.billingCycle(), base.price(),
                base.hostname(), base.osTemplateId(), "Debian 12 (Bookworm)", base.options(),
                "IPv4 addresses: 1, Traffic: 10 TB", base.acceptedAt(), null);
        orders.place(key("k", id), worded, service(id, now));

        assertThat(orders.findOrder("ord_" + id)).contains(worded);
    }

    @Test
    void manyServicesAreReadInBatchesAndMissingOnesLeftOut() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < DynamoDbServiceRepository.BATCH_GET + 30; i++) {
            String id = UUID.randomUUID().toString();
            orders.place(key("k-" + id, id), order(id, now), service(id, now));
            ids.add("svc_" + id);
        }
        List<String> asked = new java.util.ArrayList<>(ids);
        asked.add("svc_none");
        asked.add(ids.getFirst());

        Map<String, Service> found = services.findServices(asked);

        assertThat(found).hasSize(ids.size()).containsOnlyKeys(ids);
        assertThat(found.get(ids.getLast())).isEqualTo(services.findService(ids.getLast()).orElseThrow());
        assertThat(services.findServices(List.of())).isEmpty();
    }

    @Test
    void aTakenKeyFailsTheWholeTransaction() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        orders.place(key("same", first), order(first, now), service(first, now));

        assertThatThrownBy(() -> orders.place(key("same", second), order(second, now), service(second, now)))
                .isInstanceOf(OrderRepository.IdempotencyKeyTaken.class);
        assertThat(orders.findOrder("ord_" + second)).isEmpty();
        assertThat(services.findService("svc_" + second)).isEmpty();
    }

    @Test
    void anExpiredKeyNoLongerBindsAndMayBeReused() {
        String old = UUID.randomUUID().toString();
        IdempotencyRecord expired = new IdempotencyRecord(customer, "old", "fp", "ord_" + old, "svc_" + old,
                now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)));
        orders.place(expired, order(old, now), service(old, now));
        assertThat(orders.findIdempotencyRecord(customer, "old")).isEmpty();

        String fresh = UUID.randomUUID().toString();
        orders.place(key("old", fresh), order(fresh, now), service(fresh, now));
        assertThat(orders.findIdempotencyRecord(customer, "old")).map(IdempotencyRecord::orderId).contains("ord_" + fresh);
    }

    @Test
    void serviceChangesAreConditionalOnStatusAndVersion() {
        String id = UUID.randomUUID().toString();
        orders.place(key("k", id), order(id, now), service(id, now));
        Service pending = services.findService("svc_" + id).orElseThrow();
        Service provisioning = pending.transitionTo(ServiceStatus.PROVISIONING, "claiming", now);

        assertThat(services.replace(pending, provisioning)).isTrue();
        assertThat(services.replace(pending, provisioning)).as("second writer with a stale read").isFalse();
        assertThat(services.findService("svc_" + id)).contains(provisioning);
    }

    @Test
    void customersSeeTheirServicesNewestFirstAndStepsInOrder() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        orders.place(key("a", a), order(a, now), service(a, now));
        orders.place(key("b", b), order(b, now.plusMillis(500)), service(b, now.plusMillis(500)));
        services.recordStep(new ProvisioningStep("svc_" + a, 2, "claim-server", StepStatus.WAITING, 1, "no stock", now));
        services.recordStep(new ProvisioningStep("svc_" + a, 1, "create-user", StepStatus.SUCCEEDED, 1, null, now));

        assertThat(services.listByCustomer(customer)).extracting(Service::serviceId).containsExactly("svc_" + b, "svc_" + a);
        assertThat(services.steps("svc_" + a)).extracting(ProvisioningStep::name).containsExactly("create-user", "claim-server");
    }

    @Test
    void undispatchedOrdersAreFoundOldestFirstUntilMarked() {
        String early = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        Instant base = Instant.parse("2001-01-01T00:00:00Z").plusNanos(UUID.randomUUID().hashCode() & 0xFFFF);
        orders.place(key("e", early), order(early, base.plusMillis(100)), service(early, base));
        orders.place(key("l", late), order(late, base.plusSeconds(1)), service(late, base));

        List<Order> found = orders.findUndispatched(base.plusSeconds(2), 100).stream()
                .filter(o -> o.customerId().equals(customer)).toList();
        assertThat(found).extracting(Order::orderId).containsExactly("ord_" + early, "ord_" + late);
        assertThat(orders.findUndispatched(base.plusMillis(500), 100)).extracting(Order::orderId)
                .contains("ord_" + early).doesNotContain("ord_" + late);

        orders.markDispatched("ord_" + early, now);
        assertThat(orders.findOrder("ord_" + early).orElseThrow().dispatchedAt()).isEqualTo(now);
        assertThat(orders.findUndispatched(base.plusSeconds(2), 100)).extracting(Order::orderId)
                .doesNotContain("ord_" + early).contains("ord_" + late);
    }

    @Test
    void catalogRoundTripsProductsAndListsThemWithoutAScan() {
        Product product = Samples.dedicated("p-" + UUID.randomUUID(), "tenantos", "conn",
                Map.of("matchTags", List.of("forRent"), "osProfiles", Map.of("debian-12", 12)));
        catalog.saveProduct(product);

        assertThat(catalog.findProduct(product.productId())).contains(product);
        assertThat(catalog.listProducts()).contains(product);
        assertThat(catalog.findProduct("nope-" + UUID.randomUUID())).isEmpty();
    }
}
