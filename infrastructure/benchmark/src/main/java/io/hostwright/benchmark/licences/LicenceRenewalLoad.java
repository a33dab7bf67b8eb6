package io.hostwright.benchmark.licences;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.backends.billmanager.BillManagerLicenceBackend;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.benchmark.BatchSeed;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Parallel;
import io.hostwright.benchmark.usage.AwsCounters;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicenceConnections;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServerLicence;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbLicencePool;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.functions.licencerenewal.ScheduledLicenceRenewalHandler;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.HandlerFactory;
import io.hostwright.local.schedule.ScheduleRun;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.billmanager.Seed;
import io.hostwright.simulator.billmanager.SimulatedLicence;
import io.hostwright.simulator.billmanager.SimulatorConfig;
import io.hostwright.simulators.http.Call;
import io.hostwright.sqs.SqsMailQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The licences phase: the daily {@code licence-renewal} run over one licence connection whose pool holds N licences
 * ({@link LicenceMix}) on the BILLmanager simulator, beside M live services on DynamoDB Local. The pool, the services
 * and their licence records are stored first in the production formats (services and records written 25 to a batch,
 * the pool through the pool's own adapter; not measured). Then the function runs through the laptop runtime's
 * scheduler, wired as in production ({@link Backends#renewLicences}) but on clients that count every AWS call by
 * operation, every DynamoDB write by item kind and the capacity consumed, with {@link #LATENCY} added to every
 * BILLmanager call — once, and once more right after, which must renew nothing.
 */
public final class LicenceRenewalLoad {

    /**
     * Added to every BILLmanager call. Assumed, not measured: ISPsystem's licence server is a remote {@code func=}
     * API on the internet, not a neighbour in the data centre like the other phases' back-ends (20-50 ms there).
     */
    public static final Duration LATENCY = Duration.ofMillis(150);
    static final String CONNECTION = "bench-licences";
    static final String PANEL = "BILLmanager 6 Hosting&Cloud";
    static final int SEED_THREADS = 8;

    /** Who the licences are and who holds them. */
    public record Pool(int licences, int held, int free, int services, int expiring, int expiringSuspended,
                       int expiringUnpaid, int expiringFree, int renewable) {

        static Pool of(int licences, int services) {
            return new Pool(licences, LicenceMix.count(licences, LicenceMix::held),
                    LicenceMix.count(licences, LicenceMix::free), services,
                    LicenceMix.count(licences, m -> m.held() && m.expiring()),
                    LicenceMix.count(licences, m -> m.expiring() && m.suspended()),
                    LicenceMix.count(licences, m -> m.expiring() && m.unpaid()),
                    LicenceMix.count(licences, m -> m.free() && m.expiring()),
                    LicenceMix.count(licences, LicenceMix::renewable));
        }
    }

    /**
     * One run of the function.
     *
     * @param seconds          wall time of the scheduler's run
     * @param handlerMillis    the invocation as the runtime timed it
     * @param billManagerCalls by {@code func}
     * @param awsCalls         by {@code Service.Operation}
     * @param writesByKind     DynamoDB writes by item kind ({@code LICENCE}, {@code MODULE}…)
     * @param writeUnits       a write refused by its condition counts 1
     */
    public record Run(String name, double seconds, long handlerMillis, int renewed, int failed, int suspended,
                      int unpaid, int freeExpiring, int released, List<String> failures,
                      Map<String, Long> billManagerCalls, Map<String, Long> awsCalls,
                      Map<String, Integer> writesByKind, double readUnits, double writeUnits) {

        public long billManagerTotal() {
            return billManagerCalls.values().stream().mapToLong(Long::longValue).sum();
        }

        public long awsTotal() {
            return awsCalls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param movedUpstream licences whose expiry on the simulator moved over both runs (each renewal moves one)
     */
    public record Result(Pool pool, long latencyMs, int leadDays, double prepareSeconds, List<Run> runs,
                         int movedUpstream) {
    }

    private final Options options;
    private final PrintStream progress;

    public LicenceRenewalLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        Pool pool = Pool.of(options.poolLicences(), options.licenceServices());
        progress.printf(Locale.ROOT, "licences: %d licences (%d held, %d free), %d services%n", pool.licences(),
                pool.held(), pool.free(), pool.services());
        Clock clock = Clock.systemUTC();
        SimulatorConfig simulator = SimulatorConfig.forTests().withSeed(Seed.empty()
                .withBalance(new BigDecimal("10000000.00")).withLicences(licences(pool.licences())));
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE);
             BillManagerSimulator billManager = BillManagerSimulator.start(simulator)) {
            ConnectionKeys keys = ref -> billManager.credential();
            long prepareStarted = System.nanoTime();
            prepare(aws, billManager, keys, pool, clock);
            double prepareSeconds = (System.nanoTime() - prepareStarted) / 1e9;
            progress.printf(Locale.ROOT, "licences: pool, services and licence records stored in %.0f s%n",
                    prepareSeconds);
            billManager.settings(billManager.settings().withLatency(LATENCY));

            AwsCounters counters = new AwsCounters();
            try (DynamoDbClient dynamo = counters.dynamoDb(aws); SqsClient sqs = counters.sqs(aws)) {
                MailQueue mail = new SqsMailQueue(sqs, aws.queueUrl(Manifest.MAIL_QUEUE));
                HandlerFactory handlers = function -> new ScheduledLicenceRenewalHandler(Backends.renewLicences(
                        dynamo, aws.tableName(), aws.credentialsTableName(), registry(dynamo, aws, mail, keys, clock),
                        mail, clock), clock);
                List<Run> runs = new ArrayList<>();
                List<SimulatedLicence> before = billManager.licences();
                try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts().withoutSimulators()
                        .withSeedFile(null).withFunctions(List.of(Manifest.function("licence-renewal").orElseThrow()),
                                handlers), aws)) {
                    for (String name : List.of("the daily run", "again right after")) {
                        counters.reset();
                        billManager.clearCalls();
                        runs.add(run(name, runtime, billManager, counters));
                    }
                }
                return new Result(pool, LATENCY.toMillis(), LicenceMix.LEAD_DAYS, prepareSeconds, runs,
                        moved(before, billManager.licences()));
            }
        }
    }

    private Run run(String name, LocalRuntime runtime, BillManagerSimulator billManager, AwsCounters counters) {
        long started = System.nanoTime();
        ScheduleRun run = runtime.scheduler().runNow("licence-renewal");
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!run.succeeded()) {
            throw new IllegalStateException("the licence renewal failed: " + run.error());
        }
        JsonNode result = run.result();
        List<String> failures = new ArrayList<>();
        int suspended = 0, unpaid = 0, freeExpiring = 0;
        for (JsonNode report : result.path("reports")) {
            suspended += report.path("suspended").asInt();
            unpaid += report.path("unpaid").asInt();
            freeExpiring += report.path("freeExpiring").asInt();
            report.path("failed").forEach(f -> failures.add(f.asText()));
            if (!report.path("error").isNull() && !report.path("error").isMissingNode()) {
                failures.add(report.path("connectionId").asText() + ": " + report.path("error").asText());
            }
        }
        Map<String, Long> billManagerCalls = billManager.calls().stream().collect(Collectors.groupingBy(
                (Call c) -> c.path().substring(c.path().lastIndexOf('/') + 1), TreeMap::new, Collectors.counting()));
        Run figures = new Run(name, seconds, run.durationMs(), result.path("renewed").asInt(),
                result.path("failed").asInt(), suspended, unpaid, freeExpiring, result.path("released").asInt(),
                failures, billManagerCalls, counters.calls().byOperation(), counters.writes().byKind(),
                counters.capacity().readUnits(), counters.writeUnits());
        progress.printf(Locale.ROOT, "licences: %s: %.1f s, %d renewed, %d failed; BILLmanager %s; AWS %s%n", name,
                seconds, figures.renewed(), figures.failed(), billManagerCalls, figures.awsCalls());
        return figures;
    }

    /**
     * The licences as the simulator starts with them, in index order (so licence {@code i} gets the i-th id), a held
     * one named as attaching names it.
     */
    private static List<Seed.Licence> licences(int count) {
        List<Seed.Licence> licences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LicenceMix mix = new LicenceMix(i);
            Duration changedAgo = Duration.ofDays(60);
            licences.add(mix.free() ? Seed.Licence.free(Seed.BILLMANAGER6_MONTHLY, mix.expiresIn(), changedAgo)
                    : new Seed.Licence(AttachLicence.nameFor(service(mix, Instant.EPOCH, Instant.EPOCH)), mix.ip(),
                            pricelist(mix), mix.yearly() ? 12 : 1, mix.expiresIn(), changedAgo));
        }
        return licences;
    }

    /**
     * The connection; each licence mirrored into the pool and taken by its service, as attaching leaves them; the
     * services (holders and the rest) and the holders' licence records, 25 to a batch.
     */
    private void prepare(LocalAws aws, BillManagerSimulator billManager, ConnectionKeys keys, Pool pool, Clock clock) {
        Connection connection = new Connection(CONNECTION, BillManagerLicenceBackend.NAME, "benchmark licences",
                billManager.baseUrl(), "env:BENCHMARK_BILLMANAGER", "licences@hostwright.local", Map.of(
                "tariffs", Map.of(Long.toString(Seed.BILLMANAGER6_MONTHLY), PANEL,
                        Long.toString(Seed.BILLMANAGER6_YEARLY), PANEL),
                "renewalLeadDays", LicenceMix.LEAD_DAYS, "keepFreeLicences", false));
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        connections.saveConnection(connection);
        List<ServerLicence> listed = new LicenceConnections(registry(aws.dynamoDb(), aws, null, keys, clock),
                connections).open(connection).server().licences();
        if (listed.size() != pool.licences()) {
            throw new IllegalStateException("the simulator lists " + listed.size() + " licences, not "
                    + pool.licences());
        }
        Instant now = clock.instant();
        DynamoDbLicencePool licencePool = new DynamoDbLicencePool(aws.dynamoDb(), aws.tableName());
        BatchSeed seed = new BatchSeed();
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(seed, aws.tableName());
        LicenceRecords records = new LicenceRecords(new DynamoDbModuleState(seed, aws.tableName()));
        List<Runnable> pooled = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            LicenceMix mix = new LicenceMix(i);
            ServerLicence licence = listed.get(i);
            pooled.add(() -> {
                licencePool.mirror(CONNECTION, licence.pool(), licence.pricelist());
                if (mix.held()) {
                    licencePool.take(CONNECTION, licence.id(), mix.serviceId(), now);
                }
            });
            if (mix.held()) {
                Service service = service(mix, now, licence.expiresAt());
                services.replace(service, service);
                records.save(service.serviceId(), new LicenceRecord(LicenceRecord.State.ACTIVE, CONNECTION,
                        licence.pricelist(), PANEL, mix.ip(), licence.id(), licence.expiresAt(), false, null, now));
            }
        }
        for (int j = pool.held(); j < pool.services(); j++) {
            Service service = other(j, now);
            services.replace(service, service);
        }
        Parallel.run(SEED_THREADS, pooled, "store the licence pool");
        int items = seed.writeTo(aws.dynamoDb(), aws.tableName(), SEED_THREADS);
        progress.printf(Locale.ROOT, "licences: %d licences mirrored into the pool, %d items batch-written%n",
                listed.size(), items);
    }

    private static BackendRegistry registry(DynamoDbClient dynamo, LocalAws aws, MailQueue mail, ConnectionKeys keys,
                                            Clock clock) {
        return Backends.on(dynamo, aws.tableName(), aws.credentialsTableName(), mail, keys, Backends.BACKOFF, clock,
                RegisteredBackends.ALL);
    }

    /** The service holding licence {@code mix}: paid a month beyond the licence's expiry, unless it is unpaid. */
    private static Service service(LicenceMix mix, Instant now, Instant licenceExpires) {
        Instant paidUntil = mix.unpaid() ? now.plus(Duration.ofHours(12)) : licenceExpires.plus(Duration.ofDays(31));
        BillingCycle cycle = mix.yearly() ? BillingCycle.ANNUALLY : BillingCycle.MONTHLY;
        SoldProduct sold = sold("bench-dedicated-panel", cycle, new SoldLicence(CONNECTION, pricelist(mix), PANEL));
        return live(mix.serviceId(), mix.index(), sold, mix.suspended() ? ServiceStatus.SUSPENDED
                : ServiceStatus.ACTIVE, now, paidUntil);
    }

    /** A live service without a licence. */
    private static Service other(int n, Instant now) {
        return live("svc_bench_" + n, n, sold("bench-dedicated", BillingCycle.MONTHLY, null), ServiceStatus.ACTIVE,
                now, now.plus(Duration.ofDays(1 + n % 30)));
    }

    private static Service live(String serviceId, int n, SoldProduct sold, ServiceStatus status, Instant now,
                                Instant paidUntil) {
        String customer = "licence-customer-" + (n % 2_000);
        return new Service(serviceId, "ord_" + serviceId, customer, customer + "@example.test", sold,
                serviceId.replace('_', '-') + ".example.com", "debian-12", "Debian 12", status, null, 3, now, now,
                paidUntil);
    }

    private static SoldProduct sold(String productId, BillingCycle cycle, SoldLicence licence) {
        return new SoldProduct(productId, "Dedicated", ServiceType.DEDICATED, TenantOsBackend.NAME, "bench-servers",
                "noc@hostwright.local", cycle, Map.of(), Map.of("matchTags", List.of("forRent"), "roleId", 3),
                null, licence);
    }

    private static long pricelist(LicenceMix mix) {
        return mix.yearly() ? Seed.BILLMANAGER6_YEARLY : Seed.BILLMANAGER6_MONTHLY;
    }

    /** How many licences' expiry differs between the two lists (by id). */
    private static int moved(List<SimulatedLicence> before, List<SimulatedLicence> after) {
        Map<Long, Instant> was = before.stream().collect(Collectors.toMap(SimulatedLicence::id,
                SimulatedLicence::expiresAt));
        return (int) after.stream().filter(l -> !l.expiresAt().equals(was.get(l.id()))).count();
    }
}
