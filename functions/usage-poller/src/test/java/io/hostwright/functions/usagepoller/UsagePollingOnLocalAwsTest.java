package io.hostwright.functions.usagepoller;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.Backends;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.usage.BillingPeriod;
import io.hostwright.domain.usage.PlanUsagePolls;
import io.hostwright.domain.usage.PollUsage;
import io.hostwright.domain.usage.UsageWindows;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.domain.usage.UsagePeriod;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.Faults;
import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.simulator.tenantos.TrafficRate;
import io.hostwright.simulators.http.Call;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import io.hostwright.sqs.SqsUsagePollRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polling cycles through the production wiring — the planner's messages on the FIFO usage queue of ElasticMQ, the
 * poller's handler, DynamoDB Local — against TenantOS simulators whose traffic flows at a known rate, all on one clock
 * the test moves five minutes at a time. Every figure asserted is computed from the rate: a window's bytes are the
 * rate times 300 seconds.
 */
@ExtendWith(LocalAwsExtension.class)
class UsagePollingOnLocalAwsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** Periods run from the anniversary's midnight (UTC). */
    private static final Instant PERIOD = BillingPeriod.containing(T0, T0).start();
    private static final long CUSTOMER_USER = 50;
    private static final TrafficRate RATE = new TrafficRate(1_000_000, 3_000_000);
    private static final long WINDOW_IN = 300_000_000L;
    private static final long WINDOW_OUT = 900_000_000L;
    private static final long TB = BandwidthPolicy.BYTES_PER_TB;
    private static final BandwidthPolicy NOTIFY = new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
            BandwidthPolicy.OveruseAction.NOTIFY, null, null);

    private final MutableClock clock = new MutableClock(T0);
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<TenantOsSimulator> simulators = new ArrayList<>();
    private LocalAws aws;
    private DynamoDbUsageLedger ledger;
    private DynamoDbServiceRepository services;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        aws.purgeQueues();
        ledger = new DynamoDbUsageLedger(aws.dynamoDb(), aws.tableName(), Manifest.USAGE_SAMPLE_RETENTION);
        services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
    }

    @AfterEach
    void stop() {
        simulators.forEach(TenantOsSimulator::close);
    }

    @Test
    void aCycleCountsEveryLiveServiceOfEveryConnectionFromTheSimulatorsCounters() {
        List<String> frankfurt = connect("fra", simulator(30), 30, NOTIFY, "10");
        List<String> amsterdam = connect("ams", simulator(3), 3, NOTIFY, "10");
        String terminated = amsterdam.getLast();
        setStatus(terminated, ServiceStatus.TERMINATED);

        clock.advance(Duration.ofMinutes(15));
        List<JsonNode> polled = cycle();

        assertThat(polled).extracting(m -> m.path("connectionId").asText())
                .containsExactlyInAnyOrder(connectionId("fra"), connectionId("fra"), connectionId("ams"));
        List<String> live = new ArrayList<>(frankfurt);
        live.addAll(amsterdam.subList(0, 2));
        assertThat(polled.stream().flatMap(m -> ids(m.path("serviceIds")).stream()).toList())
                .as("the terminated service is not polled").containsExactlyInAnyOrderElementsOf(live);
        for (String serviceId : live) {
            UsagePeriod period = period(serviceId);
            assertThat(period.bytesIn()).as(serviceId).isEqualTo(3 * WINDOW_IN);
            assertThat(period.bytesOut()).as(serviceId).isEqualTo(3 * WINDOW_OUT);
            assertThat(period.cursor()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
            assertThat(ledger.samples(serviceId, PERIOD)).hasSize(3);
        }
        assertThat(ledger.find(terminated, PERIOD)).isEmpty();
    }

    @Test
    void aRepeatedCycleAndADuplicateDeliveryCountNothingTwice() {
        List<String> ids = connect("dup", simulator(2), 2, NOTIFY, "10");
        clock.advance(Duration.ofMinutes(10));
        SqsUsagePollHandler handler = handler();
        List<JsonNode> first = cycle(handler);

        plan();
        assertThat(receiveAll()).as("planned again in the same cycle: the queue drops what it took within five minutes")
                .isEmpty();
        for (JsonNode message : first) {
            handle(handler, message);
            handle(handler, message);
        }

        for (String id : ids) {
            assertThat(period(id).bytesIn()).isEqualTo(2 * WINDOW_IN);
            assertThat(ledger.samples(id, PERIOD)).hasSize(2);
        }
    }

    @Test
    void aCounterResetUpstreamCountsNothingForItsWindowAndTheNextWindowsAsUsual() {
        TenantOsSimulator simulator = simulator(1);
        String id = connect("rst", simulator, 1, NOTIFY, "10").getFirst();
        clock.advance(Duration.ofMinutes(12));
        simulator.resetTrafficCounter(1_001);
        clock.advance(Duration.ofMinutes(3));

        cycle();
        assertThat(period(id).bytesIn()).as("the window holding the reset reads negative and counts nothing")
                .isEqualTo(2 * WINDOW_IN);
        assertThat(ledger.samples(id, PERIOD)).extracting(s -> s.bytesIn())
                .containsExactly(WINDOW_IN, WINDOW_IN, 0L);

        clock.advance(Duration.ofMinutes(5));
        cycle();
        assertThat(period(id).bytesIn()).isEqualTo(3 * WINDOW_IN);
    }

    @Test
    void oneConnectionsStatisticsFailingNeverStallsTheOthersAndItIsCaughtUpLater() {
        TenantOsSimulator healthy = simulator(4);
        TenantOsSimulator broken = simulator(4);
        List<String> good = connect("ok", healthy, 4, NOTIFY, "10");
        List<String> bad = connect("down", broken, 4, NOTIFY, "10");
        broken.faults().failing(Faults.NETWORK_STATS, 503);
        clock.advance(Duration.ofMinutes(10));

        cycle();

        good.forEach(id -> assertThat(period(id).bytesIn()).isEqualTo(2 * WINDOW_IN));
        bad.forEach(id -> assertThat(ledger.find(id, PERIOD)).as("nothing counted, nothing opened").isEmpty());
        assertThat(broken.calls().stream().filter(c -> c.matches(Faults.NETWORK_STATS)).map(Call::path).distinct())
                .as("after three services in a row failed, the rest of the message is left for the next cycle")
                .hasSize(3);

        broken.faults().clear(Faults.NETWORK_STATS);
        clock.advance(Duration.ofMinutes(10));
        cycle();

        good.forEach(id -> assertThat(period(id).bytesIn()).isEqualTo(4 * WINDOW_IN));
        bad.forEach(id -> assertThat(period(id).bytesIn()).as("caught up").isEqualTo(4 * WINDOW_IN));
    }

    @Test
    void overTheAllowanceASuspendPolicyMailsOnceAndAsksForOneSuspension() {
        TenantOsSimulator simulator = simulator(1);
        BandwidthPolicy suspend = new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
                BandwidthPolicy.OveruseAction.SUSPEND, null, null);
        String id = connect("sus", simulator, 1, suspend, "1").getFirst();
        SqsUsagePollHandler handler = handler();
        clock.advance(Duration.ofMinutes(2));
        simulator.addTrafficBurst(1_001, 0, 850_000_000_000L);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(5));
            cycle(handler).forEach(m -> handle(handler, m));
        }
        assertThat(mailEvents(id)).containsExactly("bandwidth-near-limit#" + PERIOD);

        simulator.addTrafficBurst(1_001, 0, 200_000_000_000L);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(5));
            cycle(handler).forEach(m -> handle(handler, m));
        }

        assertThat(mailEvents(id)).containsExactly("bandwidth-over-limit#" + PERIOD);
        List<Operation> operations = new DynamoDbOperationRepository(aws.dynamoDb(), aws.tableName())
                .list(id);
        assertThat(operations).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(OperationKind.SUSPEND);
            assertThat(op.reason()).contains("traffic over the allowance");
            assertThat(period(id).suspendOperationId()).isEqualTo(op.operationId());
        });
        assertThat(receive(Manifest.LIFECYCLE_QUEUE)).as("the suspension's first step is queued").hasSize(1);
    }

    @Test
    void aBillPolicyMetersEveryStartedTerabyteOfABurstAndTheExportListsIt() {
        TenantOsSimulator simulator = simulator(1);
        BandwidthPolicy bill = new BandwidthPolicy(BandwidthPolicy.Metering.GREATER, 90,
                BandwidthPolicy.OveruseAction.BILL, new Price("EUR", 100), null);
        String id = connect("bil", simulator, 1, bill, "10").getFirst();
        clock.advance(Duration.ofMinutes(1));
        // 11.4 TB out, the rate's bytes in stay far below: 1.4 TB over, 2 started TB
        simulator.addTrafficBurst(1_001, 0, 11_400_000_000_000L);
        clock.advance(Duration.ofMinutes(9));

        cycle();

        UsagePeriod period = period(id);
        assertThat(period.overageTb()).isEqualTo(2);
        assertThat(period.overagePrice()).isEqualTo(new Price("EUR", 200));
        assertThat(mailEvents(id)).containsExactly("bandwidth-over-limit#" + PERIOD);
        UsageExport.Page export = new UsageExport(ledger, clock).page(YearMonth.of(2026, 12), null, 1_000);
        assertThat(export.rows()).filteredOn(row -> row.serviceId().equals(id)).singleElement().satisfies(row -> {
            assertThat(row.overageTb()).isEqualTo(2);
            assertThat(row.amount()).isEqualTo(new Price("EUR", 200));
        });
    }

    @Test
    void theNextPeriodStartsWithAFreshAllowanceAfterTheLastOneIsFinished() {
        TenantOsSimulator simulator = simulator(1);
        String id = connect("per", simulator, 1, NOTIFY, "10").getFirst();
        BillingPeriod first = BillingPeriod.containing(T0, T0);
        clock.set(first.end().minus(Duration.ofMinutes(10)));
        cycle();
        long firstIn = period(id).bytesIn();
        assertThat(firstIn).as("caught up over the last week of the period only")
                .isEqualTo(PollUsage.CATCH_UP.dividedBy(UsageWindows.SIZE) * WINDOW_IN);

        clock.set(first.end().plus(Duration.ofMinutes(10)));
        cycle();

        assertThat(ledger.find(id, first.start()).orElseThrow().bytesIn()).isEqualTo(firstIn + 2 * WINDOW_IN);
        UsagePeriod second = ledger.find(id, first.end()).orElseThrow();
        assertThat(second.bytesIn()).isEqualTo(2 * WINDOW_IN);
        assertThat(second.period().start()).isEqualTo(first.end());
    }

    // --- the world

    private TenantOsSimulator simulator(int servers) {
        TenantOsSimulator simulator = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock)
                .withSeed(Seed.demo().toBuilder()
                        .user(CUSTOMER_USER, "Usage Customer", "usage", "usage@example.test", "pw", 3)
                        .soldServers(servers, 1_001, CUSTOMER_USER, RATE)
                        .build()));
        simulators.add(simulator);
        return simulator;
    }

    private String connectionId(String name) {
        return "use-" + run + "-" + name;
    }

    /** A connection to the simulator and {@code count} active services on it, service i on server 1001 + i. */
    private List<String> connect(String name, TenantOsSimulator simulator, int count, BandwidthPolicy policy,
                                 String allowanceTb) {
        String connectionId = connectionId(name);
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(new Connection(connectionId,
                TenantOsBackend.NAME, name, simulator.baseUrl(), "env:UNUSED_IN_TESTS", "noc@example.test",
                Map.of("stockOwnerUserId", 1)));
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), clock);
        DynamoDbModuleState states = new DynamoDbModuleState(aws.dynamoDb(), aws.tableName());
        String customer = "cust-" + run;
        Map<String, String> options = Map.of(BandwidthPolicy.ALLOWANCE_OPTION, allowanceTb);
        SoldProduct sold = new SoldProduct("prod-" + run, "Dedicated", ServiceType.DEDICATED, TenantOsBackend.NAME,
                connectionId, "noc@example.test", BillingCycle.MONTHLY, options,
                Map.of("matchTags", List.of("forRent"), "roleId", 3), policy);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serviceId = "svc_" + run + "_" + name + "_" + i;
            String orderId = "ord_" + run + "_" + name + "_" + i;
            Service pending = new Service(serviceId, orderId, customer, customer + "@example.test", sold,
                    name + i + ".example.com", "debian-12", "Debian 12", ServiceStatus.PENDING, null, 1, T0, T0);
            orders.place(new IdempotencyRecord(customer, "key-" + serviceId, "fp", orderId, serviceId, T0,
                            T0.plus(Duration.ofDays(7))),
                    new Order(orderId, serviceId, customer, customer + "@example.test", sold.productId(), "Dedicated",
                            TenantOsBackend.NAME, BillingCycle.MONTHLY, new Price("EUR", 4900),
                            pending.hostname(), "debian-12", options, T0, T0),
                    pending);
            states.save(serviceId, TenantOsBackend.NAME, Map.of("userId", Long.toString(CUSTOMER_USER),
                    "serverId", Long.toString(1_001 + i)));
            setStatus(serviceId, ServiceStatus.ACTIVE);
            ids.add(serviceId);
        }
        return ids;
    }

    private void setStatus(String serviceId, ServiceStatus status) {
        Service s = services.findService(serviceId).orElseThrow();
        assertThat(services.replace(s, new Service(s.serviceId(), s.orderId(), s.customerId(), s.customerEmail(),
                s.sold(), s.hostname(), s.osTemplateId(), s.osName(), status, null, s.version() + 1, s.createdAt(),
                clock.instant()))).isTrue();
    }

    private UsagePeriod period(String serviceId) {
        return ledger.find(serviceId, PERIOD).orElseThrow(() -> new AssertionError("no period counted for " + serviceId));
    }

    // --- the functions, wired as in production on the test's clock

    private PlanUsagePolls.Plan plan() {
        return new PlanUsagePolls(Backends.on(aws.dynamoDb(), aws.tableName(), null, null,
                ref -> { throw new AssertionError("the planner reads no credential"); }, Backends.BACKOFF, clock,
                List.of(TenantOsBackend.FACTORY)),
                new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()), services,
                new SqsUsagePollRequests(aws.sqs(), aws.queueUrl(Manifest.USAGE_QUEUE)), clock).run();
    }

    private SqsUsagePollHandler handler() {
        return new SqsUsagePollHandler(UsagePollerWiring.batch(aws.dynamoDb(), aws.tableName(),
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)),
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                ref -> simulators.getFirst().apiKey(), List.of(TenantOsBackend.FACTORY), clock));
    }

    /** One cycle: plan, then hand each of this test's messages to a fresh poller; answers them. */
    private List<JsonNode> cycle() {
        return cycle(handler());
    }

    /** Plans a cycle and polls its messages (of this test's connections) with {@code handler}; answers them. */
    private List<JsonNode> cycle(SqsUsagePollHandler handler) {
        plan();
        List<JsonNode> mine = receiveAll();
        mine.forEach(m -> handle(handler, m));
        return mine;
    }

    /** This test's messages on the usage queue, each taken off it. */
    private List<JsonNode> receiveAll() {
        List<JsonNode> mine = new ArrayList<>();
        for (Message message : receive(Manifest.USAGE_QUEUE)) {
            JsonNode body = Json.read(message.body(), JsonNode.class);
            if (body.path("connectionId").asText().startsWith("use-" + run)) {
                mine.add(body);
            }
        }
        return mine;
    }

    private static void handle(SqsUsagePollHandler handler, JsonNode body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(Json.write(body));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        SQSBatchResponse response = handler.handleRequest(event, InvocationContext.forTest("usage-poller"));
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    /** Every message on the queue, deleted as taken. */
    private List<Message> receive(String queue) {
        String url = aws.queueUrl(queue);
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            for (Message m : batch) {
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** The events of the mails queued for the service since the last look. */
    private List<String> mailEvents(String serviceId) {
        return receive(Manifest.MAIL_QUEUE).stream().map(m -> Json.read(m.body(), JsonNode.class))
                .filter(m -> m.path("serviceId").asText().equals(serviceId))
                .map(m -> m.path("event").asText()).toList();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
