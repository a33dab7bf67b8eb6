package io.hostwright.benchmark.usage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Parallel;
import io.hostwright.benchmark.report.Stats;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.usage.PlanUsagePolls;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.functions.usageplanner.ScheduledUsagePlannerHandler;
import io.hostwright.functions.usagepoller.SqsUsagePollHandler;
import io.hostwright.functions.usagepoller.UsagePollerWiring;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.HandlerFactory;
import io.hostwright.local.schedule.ScheduleRun;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.simulator.tenantos.Faults;
import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.simulator.tenantos.TrafficRate;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import io.hostwright.sqs.SqsUsagePollRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The usage phase: N servers across C TenantOS simulators (one installation per connection, each adding the usual
 * latency to every call), all sold and active, polled through the laptop runtime — the {@code usage-planner} run by
 * its scheduler, the FIFO usage queue consumed by the runtime's poller of {@code usage-poller} at the manifest's
 * concurrency — on a clock the phase moves five minutes per cycle, so every cycle has exactly one new window per
 * server. Counted per cycle: wall time from the planner's start to the queue drained, TenantOS calls, every AWS call
 * the two functions make (by operation) and every DynamoDB write (by item kind), and each message's handler time.
 */
public final class UsagePollingLoad {

    static final Duration TENANTOS_LATENCY = Duration.ofMillis(20);
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final long CUSTOMER_USER = 50;
    /** 50 Mbit/s in, 200 Mbit/s out: a busy web server; the allowance is far away, so no mail and no action. */
    static final TrafficRate RATE = new TrafficRate(6_250_000, 25_000_000);

    /**
     * One polling cycle.
     *
     * @param awsCallsPerServer  what the planner and the poller called, by {@code Service.Operation}
     * @param writesPerServer    DynamoDB writes by item kind ({@code USAGE}: the period, {@code USAGESAMPLE}: a window)
     * @param readUnitsPerServer  DynamoDB read capacity the cycle consumed, per server (on-demand read units)
     * @param writeUnitsPerServer DynamoDB write capacity, per server (a write refused by its condition counts 1)
     * @param handlerMillis      each usage message's handler time (25 servers, one after the other)
     */
    public record Cycle(String name, double seconds, int messages, int failedServers, double tenantOsCallsPerServer,
                        Map<String, Double> awsCallsPerServer, Map<String, Double> writesPerServer,
                        double readUnitsPerServer, double writeUnitsPerServer, Stats handlerMillis,
                        double plannerMillis) {

        public double awsCallsPerServerTotal() {
            return awsCallsPerServer.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public record Result(int servers, int connections, long latencyMs, int lanesPerConnection, int maxConcurrency,
                         int batch, double prepareSeconds, List<Cycle> cycles, UsageCost.Estimate monthly) {
    }

    private final Options options;
    private final PrintStream progress;

    public UsagePollingLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        int servers = options.usageServers();
        int connections = options.usageConnections();
        int perConnection = (servers + connections - 1) / connections;
        progress.printf("usage: %d servers across %d connections%n", servers, connections);
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        Clock clock = new MovableClock(now);
        List<TenantOsSimulator> simulators = new ArrayList<>();
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE)) {
            for (int c = 0; c < connections; c++) {
                simulators.add(TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock::instant)
                        .withSeed(Seed.demo().toBuilder()
                                .user(CUSTOMER_USER, "Usage Customer", "usage", "usage@example.test", "pw", 3)
                                .soldServers(perConnection, 1_001, CUSTOMER_USER, RATE).build())));
            }
            long prepareStarted = System.nanoTime();
            prepare(aws, simulators, servers, perConnection);
            double prepareSeconds = (System.nanoTime() - prepareStarted) / 1e9;
            progress.printf("usage: %d active services stored in %.0f s%n", servers, prepareSeconds);
            simulators.forEach(s -> s.setLatency(TENANTOS_LATENCY));

            AwsCounters counters = new AwsCounters();
            List<Double> handlerMillis = new CopyOnWriteArrayList<>();
            List<Double> plannerMillis = new CopyOnWriteArrayList<>();
            try (DynamoDbClient dynamo = counters.dynamoDb(aws); SqsClient sqs = counters.sqs(aws)) {
                HandlerFactory handlers = function -> switch (function.name()) {
                    case "usage-planner" -> new TimedPlanner(new ScheduledUsagePlannerHandler(new PlanUsagePolls(
                            Backends.on(dynamo, aws.tableName(), null, null,
                                    ref -> { throw new IllegalStateException("the planner reads no credential"); },
                                    Backends.BACKOFF, clock, RegisteredBackends.ALL),
                            new DynamoDbConnectionRepository(dynamo, aws.tableName()),
                            new DynamoDbServiceRepository(dynamo, aws.tableName()),
                            new SqsUsagePollRequests(sqs, aws.queueUrl(Manifest.USAGE_QUEUE)), clock)), plannerMillis);
                    case "usage-poller" -> new TimedPoller(new SqsUsagePollHandler(UsagePollerWiring.batch(dynamo,
                            aws.tableName(), new SqsMailQueue(sqs, aws.queueUrl(Manifest.MAIL_QUEUE)),
                            new SqsStepQueue(sqs, aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                            ref -> simulators.getFirst().apiKey(), RegisteredBackends.ALL, clock)), handlerMillis);
                    default -> throw new IllegalStateException("the usage phase runs no " + function.name());
                };
                List<FunctionSpec> functions = List.of(Manifest.function("usage-planner").orElseThrow(),
                        Manifest.function("usage-poller").orElseThrow());
                try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                        .withFunctions(functions, handlers), aws)) {
                    List<Cycle> cycles = new ArrayList<>();
                    String[] names = {"first cycle: every period opened", "a cycle: one new window per server",
                            "the next cycle"};
                    for (int i = 0; i < names.length; i++) {
                        now.set(T0.plus(Duration.ofMinutes(5L * (i + 1))).plusSeconds(20));
                        counters.reset();
                        handlerMillis.clear();
                        plannerMillis.clear();
                        simulators.forEach(TenantOsSimulator::clearCalls);
                        cycles.add(cycle(names[i], runtime, aws, simulators, servers, counters, handlerMillis,
                                plannerMillis));
                    }
                    Trigger.Queue trigger = (Trigger.Queue) Manifest.function("usage-poller").orElseThrow().trigger();
                    FunctionSpec poller = Manifest.function("usage-poller").orElseThrow();
                    Cycle steady = cycles.get(1);
                    UsageCost.Estimate monthly = UsageCost.estimate(servers, steady, poller.memoryMb(),
                            new UsageCost.SampleStorage(Manifest.USAGE_SAMPLE_RETENTION, sampleItemBytes(aws)));
                    return new Result(servers, connections, TENANTOS_LATENCY.toMillis(),
                            lanesPerConnection(aws, clock), trigger.maxConcurrency(),
                            PlanUsagePolls.BATCH, prepareSeconds, cycles, monthly);
                }
            }
        } finally {
            simulators.forEach(TenantOsSimulator::close);
        }
    }

    private Cycle cycle(String name, LocalRuntime runtime, LocalAws aws, List<TenantOsSimulator> simulators,
                        int servers, AwsCounters counters, List<Double> handlerMillis,
                        List<Double> plannerMillis) {
        long started = System.nanoTime();
        ScheduleRun planned = runtime.scheduler().runNow("usage-planner");
        if (!planned.succeeded()) {
            throw new IllegalStateException("the planner failed: " + planned);
        }
        awaitDrained(aws);
        double seconds = (System.nanoTime() - started) / 1e9;
        long tenantOsCalls = simulators.stream().mapToLong(s -> s.callCount(Faults.NETWORK_STATS)).sum();
        long failed = simulators.stream().flatMap(s -> s.calls().stream())
                .filter(c -> c.matches(Faults.NETWORK_STATS) && c.status() >= 400).count();
        Cycle cycle = new Cycle(name, seconds, handlerMillis.size(), (int) failed, tenantOsCalls / (double) servers,
                perServer(counters.calls().byOperation(), servers), perServer(counters.writes().byKind(), servers),
                counters.capacity().readUnits() / servers, counters.writeUnits() / servers, Stats.of(handlerMillis),
                plannerMillis.isEmpty() ? Double.NaN : plannerMillis.getFirst());
        progress.printf("usage: %s: %.1f s, %d messages, %.2f AWS calls and %.2f TenantOS calls per server%n", name,
                seconds, cycle.messages(), cycle.awsCallsPerServerTotal(), cycle.tenantOsCallsPerServer());
        return cycle;
    }

    private static Map<String, Double> perServer(Map<String, ? extends Number> counts, int servers) {
        Map<String, Double> per = new java.util.TreeMap<>();
        counts.forEach((k, n) -> per.put(k, n.doubleValue() / servers));
        return per;
    }

    /** Until the usage queue holds nothing visible, in flight or delayed (checked twice, 200 ms apart). */
    private static void awaitDrained(LocalAws aws) {
        String url = aws.queueUrl(Manifest.USAGE_QUEUE);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        int emptyInARow = 0;
        while (emptyInARow < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the usage queue did not drain within 10 minutes");
            }
            Map<QueueAttributeName, String> depth = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            emptyInARow = depth.values().stream().allMatch("0"::equals) ? emptyInARow + 1 : 0;
            sleep(Duration.ofMillis(100));
        }
    }

    /** Connections to the simulators and the services on their sold servers, stored as orders store them. */
    private void prepare(LocalAws aws, List<TenantOsSimulator> simulators, int servers, int perConnection) {
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        for (int c = 0; c < simulators.size(); c++) {
            connections.saveConnection(new Connection(connection(c), TenantOsBackend.NAME, "usage " + c,
                    simulators.get(c).baseUrl(), "env:BENCHMARK", "noc@hostwright.local",
                    Map.of("stockOwnerUserId", 1)));
        }
        Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), fixed);
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        DynamoDbModuleState states = new DynamoDbModuleState(aws.dynamoDb(), aws.tableName());
        List<Runnable> stored = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            int n = i;
            stored.add(() -> store(orders, services, states, n / perConnection, n % perConnection, n));
        }
        Parallel.run(8, stored, "store the usage phase's services");
    }

    private static void store(DynamoDbOrderRepository orders, DynamoDbServiceRepository services,
                              DynamoDbModuleState states, int connection, int index, int n) {
        String serviceId = "svc_usage_" + n;
        String orderId = "ord_usage_" + n;
        String customer = "usage-customer-" + (n % 500);
        Map<String, String> options = Map.of(BandwidthPolicy.ALLOWANCE_OPTION, "20");
        SoldProduct sold = new SoldProduct("usage-dedicated", "Dedicated", ServiceType.DEDICATED,
                TenantOsBackend.NAME, connection(connection), "noc@hostwright.local", BillingCycle.MONTHLY, options,
                Map.of("matchTags", List.of("forRent"), "roleId", 3), BandwidthPolicy.DEFAULT);
        Service pending = new Service(serviceId, orderId, customer, customer + "@example.test", sold,
                "u" + n + ".example.com", "debian-12", "Debian 12", ServiceStatus.PENDING, null, 1, T0, T0);
        orders.place(new IdempotencyRecord(customer, "key-" + serviceId, "fp", orderId, serviceId, T0,
                T0.plus(Duration.ofDays(1))), new Order(orderId, serviceId, customer, customer + "@example.test",
                sold.productId(), sold.productName(), TenantOsBackend.NAME, BillingCycle.MONTHLY,
                new Price("EUR", 4900), pending.hostname(), "debian-12", options, T0, T0), pending);
        states.save(serviceId, TenantOsBackend.NAME, Map.of("userId", Long.toString(CUSTOMER_USER),
                "serverId", Long.toString(1_001 + index)));
        services.replace(pending, new Service(serviceId, orderId, customer, pending.customerEmail(), sold,
                pending.hostname(), "debian-12", "Debian 12", ServiceStatus.ACTIVE, null, 2, T0, T0));
    }

    /** How many pollers the TenantOS back-end lets read one installation at once. */
    private static int lanesPerConnection(LocalAws aws, Clock clock) {
        return Backends.on(aws.dynamoDb(), aws.tableName(), null, null, ref -> "", Backends.BACKOFF, clock,
                        RegisteredBackends.ALL).find(TenantOsBackend.NAME).flatMap(Backend::usage)
                .map(UsageSource::concurrencyPerConnection).orElse(0);
    }

    private static String connection(int c) {
        return "usage-" + c;
    }

    /** The stored size of one 5-minute sample as DynamoDB bills storage: attribute names and values, plus 100 bytes. */
    private static int sampleItemBytes(LocalAws aws) {
        var item = aws.dynamoDb().query(b -> b.tableName(aws.tableName()).keyConditionExpression(
                        "pk = :pk AND begins_with(sk, :sk)").expressionAttributeValues(Map.of(
                        ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SERVICE#svc_usage_0"),
                        ":sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("USAGESAMPLE#")))
                .limit(1)).items();
        if (item.isEmpty()) {
            return 0;
        }
        return 100 + item.getFirst().entrySet().stream().mapToInt(e -> e.getKey().length() + size(e.getValue()))
                .sum();
    }

    private static int size(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        if (v.s() != null) {
            return v.s().length();
        }
        if (v.n() != null) {
            return (v.n().length() + 1) / 2 + 1;
        }
        return 8;
    }

    /** The poller, its handler time noted per message. */
    private record TimedPoller(SqsUsagePollHandler handler, List<Double> millis)
            implements RequestHandler<SQSEvent, SQSBatchResponse> {

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            long started = System.nanoTime();
            try {
                return handler.handleRequest(event, context);
            } finally {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
    }

    /** The planner, its handler time noted per run. */
    private record TimedPlanner(ScheduledUsagePlannerHandler handler, List<Double> millis)
            implements RequestHandler<ScheduledEvent, PlanUsagePolls.Plan> {

        @Override
        public PlanUsagePolls.Plan handleRequest(ScheduledEvent event, Context context) {
            long started = System.nanoTime();
            try {
                return handler.handleRequest(event, context);
            } finally {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The phase's time: moved by the phase, read by the simulators, the planner and the poller alike. */
    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(AtomicReference<Instant> now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
