package io.hostwright.functions.licencerenewal;

import io.hostwright.backends.Backends;
import io.hostwright.backends.billmanager.BillManagerLicenceBackend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicencePool;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.PooledLicence;
import io.hostwright.domain.licence.ReleaseLicence;
import io.hostwright.domain.licence.RenewLicences;
import io.hostwright.domain.licence.RenewalReport;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.step.Backoff;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbLicencePool;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.emulators.LocalAws;
import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.billmanager.NewLicence;
import io.hostwright.simulator.billmanager.Seed;
import io.hostwright.simulator.billmanager.SimulatedLicence;
import io.hostwright.simulator.billmanager.SimulatorConfig;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The licence use cases wired as production wires them — DynamoDB Local for the pool, services, module state and
 * credentials, the registered BILLmanager licence back-end over HTTP — against a licence simulator that starts with
 * no licences, all on one clock the test moves.
 */
final class LicenceWorld implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final long MONTHLY = Seed.BILLMANAGER6_MONTHLY;
    static final long YEARLY = Seed.BILLMANAGER6_YEARLY;
    static final String PANEL = "BILLmanager 6 Hosting&Cloud";

    final MutableClock clock = new MutableClock(T0);
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String connectionId = "lic-" + run;
    final LocalAws aws;
    final BillManagerSimulator billing;
    final RecordingMailQueue mail = new RecordingMailQueue();
    final LicencePool pool;
    final LicenceRecords records;
    final DynamoDbServiceRepository services;
    final DynamoDbServiceSecrets secrets;
    final BackendRegistry backends;
    final AttachLicence attach;
    final ReleaseLicence release;
    final RenewLicences renew;
    private int next;

    LicenceWorld(LocalAws aws, List<Map<String, Object>> alignment) {
        this(aws, alignment, false);
    }

    LicenceWorld(LocalAws aws, List<Map<String, Object>> alignment, boolean keepFreeLicences) {
        this.aws = aws;
        Seed demo = Seed.demo();
        billing = BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock)
                .withSeed(new Seed(demo.user(), demo.password(), new BigDecimal("10000.00"), demo.pricelists(),
                        List.of())));
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(new Connection(connectionId,
                BillManagerLicenceBackend.NAME, "Licences", billing.baseUrl(), "env:LICENCES_" + run,
                "licences@example.test", Map.of(
                        "tariffs", Map.of(Long.toString(MONTHLY), PANEL, Long.toString(YEARLY), PANEL,
                                Long.toString(Seed.ISPMANAGER6_LITE), "ISPmanager 6 Lite"),
                        "alignment", alignment,
                        "renewalLeadDays", 7,
                        "keepFreeLicences", keepFreeLicences)));
        pool = new DynamoDbLicencePool(aws.dynamoDb(), aws.tableName());
        records = new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), aws.tableName()));
        services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        secrets = new DynamoDbServiceSecrets(aws.dynamoDb(), aws.credentialsTableName());
        backends = Backends.on(aws.dynamoDb(), aws.tableName(), aws.credentialsTableName(), mail,
                ref -> billing.credential(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)), clock,
                List.of(BillManagerLicenceBackend.FACTORY));
        attach = Backends.attachLicence(aws.dynamoDb(), aws.tableName(), aws.credentialsTableName(), backends, clock);
        release = Backends.releaseLicence(aws.dynamoDb(), aws.tableName(), aws.credentialsTableName(), backends,
                clock);
        renew = Backends.renewLicences(aws.dynamoDb(), aws.tableName(), aws.credentialsTableName(), backends, mail,
                clock);
    }

    Connection connection() {
        return new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).findConnection(connectionId)
                .orElseThrow();
    }

    /** The daily run on this world's connection (the table holds other tests' connections too). */
    RenewalReport renewNow(String runId) {
        return renew.runOn(connection(), runId);
    }

    /** A free licence in the server's pool whose IP and key last changed {@code restedFor} ago. */
    SimulatedLicence freeLicence(long pricelist, Duration restedFor, Duration runsFor) {
        return billing.addLicence(NewLicence.free(pricelist, clock.instant().plus(runsFor),
                clock.instant().minus(restedFor)));
    }

    /** An active service sold with a licence of {@code pricelist}, paid for one cycle. */
    Service service(BillingCycle cycle, long pricelist, String productId) {
        int n = next++;
        String serviceId = "svc_" + run + "_" + n;
        String orderId = "ord_" + run + "_" + n;
        String customer = "cust-" + run;
        SoldProduct sold = new SoldProduct(productId, "Dedicated", ServiceType.DEDICATED, "tenantos", "fra-" + run,
                "noc@example.test", cycle, Map.of("controlPanel", Long.toString(pricelist)), Map.of(), null,
                new SoldLicence(connectionId, pricelist, PANEL));
        Instant now = clock.instant();
        Service service = new Service(serviceId, orderId, customer, customer + "@example.test", sold,
                "web" + n + ".example.com", "debian-12", "Debian 12", ServiceStatus.ACTIVE, null, 1, now, now,
                Service.monthsAfter(now, cycle.months()));
        new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), clock).place(
                new IdempotencyRecord(customer, "key-" + serviceId, "fp", orderId, serviceId, now,
                        now.plus(Duration.ofDays(7))),
                new Order(orderId, serviceId, customer, customer + "@example.test", productId, "Dedicated",
                        "tenantos", cycle, new Price("EUR", 4900), service.hostname(), "debian-12",
                        sold.options(), now, now),
                service);
        return service;
    }

    Service service() {
        return service(BillingCycle.MONTHLY, MONTHLY, "ded-" + run);
    }

    static String ipOf(Service service) {
        return "203.0.113." + (10 + Integer.parseInt(service.serviceId().substring(service.serviceId().lastIndexOf('_') + 1)));
    }

    Service reload(Service service) {
        return services.findService(service.serviceId()).orElseThrow();
    }

    void setStatus(Service service, ServiceStatus status) {
        Service current = reload(service);
        if (!services.replace(current, current.transitionTo(status, null, clock.instant()))) {
            throw new AssertionError("service changed under the test");
        }
    }

    LicenceRecord record(Service service) {
        return records.find(service.serviceId()).orElseThrow();
    }

    List<PooledLicence> pooled() {
        return pool.list(connectionId);
    }

    List<SimulatedLicence> upstreamNamedFor(Service service) {
        List<SimulatedLicence> named = new ArrayList<>();
        for (SimulatedLicence licence : billing.licences()) {
            if (licence.name().endsWith("[" + service.serviceId() + "]")) {
                named.add(licence);
            }
        }
        return named;
    }

    long orders() {
        return billing.callCount("POST /billmgr/soft.order.param");
    }

    long prolongs() {
        return billing.callCount("POST /billmgr/service.prolong");
    }

    @Override
    public void close() {
        billing.close();
    }
}
