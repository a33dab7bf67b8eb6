package io.hostwright.benchmark.catalog;

import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.report.Stats;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.storefront.StorefrontQueries;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.SyncTemplates;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.emulators.DynamoDbWrites;
import io.hostwright.emulators.LocalAws;
import io.hostwright.functions.templatesync.TemplateSyncWiring;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.sqs.SqsMailQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog phase: N connections to one TenantOS simulator offering M OS templates, synced through the production
 * wiring of the {@code template-sync} function on DynamoDB Local — a first sync (all new), a sync that finds no
 * change, one after a tenth of the templates changed upstream, and the hourly fan-out run as the queue runs it — with
 * every DynamoDB write counted by item kind; then the public catalog read with P products on those connections.
 */
public final class CatalogSyncLoad {

    /** Added to every TenantOS call, as in the other phases. */
    static final Duration TENANTOS_LATENCY = Duration.ofMillis(20);
    static final int FIRST_PROFILE = 1000;
    static final int CATALOG_READS = 100;

    /**
     * One round of syncs, one per connection.
     *
     * @param writesPerRun DynamoDB writes per run by item kind ({@code TEMPLATE}, {@code STOCK}, {@code SYNCRUN})
     * @param changedPerRun templates changed upstream per connection in this round
     */
    public record Round(String name, int runs, int failed, Stats runMillis, Map<String, Double> writesPerRun,
                        int changedPerRun, double addedPerRun, double updatedPerRun, double removedPerRun,
                        double unchangedPerRun) {
    }

    /**
     * @param fanOutSeconds      wall time of the hourly round, {@code maxConcurrency} connections at a time
     * @param catalogReadMillis  the public catalog read (products, their offered templates, their stock)
     * @param dynamoCallsPerRead DynamoDB calls per catalog read (queries and their pages)
     * @param offeredPerProduct  OS templates each product offered, from the catalog read
     */
    public record Result(int connections, int templates, int products, long latencyMs, List<Round> rounds,
                         int fanOutConcurrency, double fanOutSeconds, Stats catalogReadMillis,
                         double dynamoCallsPerRead, int offeredPerProduct) {
    }

    private final Options options;
    private final PrintStream progress;

    public CatalogSyncLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        int connections = options.syncConnections();
        int templates = options.syncTemplates();
        int products = options.catalogProducts();
        progress.printf("catalog: %d connections x %d templates, %d products%n", connections, templates, products);
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE);
             TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests())) {
            prepare(aws, tenantOs, connections, templates, products);
            tenantOs.setLatency(TENANTOS_LATENCY);
            DynamoDbWrites writes = new DynamoDbWrites();
            try (DynamoDbClient counted = writes.client(aws)) {
                SyncTemplates sync = TemplateSyncWiring.sync(counted, aws.tableName(),
                        new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)), ref -> tenantOs.apiKey(),
                        List.of(TenantOsBackend.FACTORY), Clock.systemUTC());
                List<Round> rounds = new ArrayList<>();
                rounds.add(round("first sync: every template new", sync, writes, connections, templates));
                rounds.add(round("no change upstream", sync, writes, connections, 0));
                int changed = changeUpstream(tenantOs, templates);
                rounds.add(round("a tenth changed upstream (removed, renamed, added)", sync, writes, connections,
                        changed));
                int concurrency = ((Trigger.Queue) Manifest.function("template-sync").orElseThrow().trigger())
                        .maxConcurrency();
                double fanOut = fanOut(sync, connections, concurrency);
                progress.printf("catalog: hourly round of %d connections, %d at a time: %.1f s%n", connections,
                        concurrency, fanOut);
                CatalogRead read = readCatalog(aws);
                return new Result(connections, templates, products, TENANTOS_LATENCY.toMillis(), rounds, concurrency,
                        fanOut, read.millis, read.callsPerRead, read.offered);
            }
        }
    }

    /** The simulator offers exactly {@code templates} OS profiles (and its wipe profile); connections and products. */
    private void prepare(LocalAws aws, TenantOsSimulator tenantOs, int connections, int templates, int products) {
        for (long seeded : List.of(12L, 13L, 14L, 15L)) {
            tenantOs.removeProfile(seeded);
        }
        for (int i = 0; i < templates; i++) {
            tenantOs.addProfile(new Seed.Profile(FIRST_PROFILE + i, "Image " + i, List.of("linux"), false));
        }
        DynamoDbConnectionRepository store = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        for (int c = 0; c < connections; c++) {
            store.saveConnection(new Connection(connection(c), TenantOsBackend.NAME, "benchmark " + c,
                    tenantOs.baseUrl(), "env:BENCHMARK", "noc@hostwright.local", Map.of("stockOwnerUserId", 1)));
        }
        DynamoDbCatalogRepository catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName());
        for (int p = 0; p < products; p++) {
            catalog.saveProduct(new Product("bench-" + p, "Benchmark server " + p, "", ServiceType.DEDICATED,
                    TenantOsBackend.NAME, connection(p % connections), null, List.of(), List.of(),
                    Map.of(BillingCycle.MONTHLY, new Price("EUR", 9900)),
                    Map.of("matchTags", List.of("forRent", "e2388g"), "roleId", 3,
                            "lifecycle", Map.of("terminationProfileId", 90)),
                    true, p, 2, List.of()));
        }
    }

    private static String connection(int c) {
        return "bench-sync-" + c;
    }

    /** A tenth of the templates: a third of them removed, a third renamed, a third new. */
    private static int changeUpstream(TenantOsSimulator tenantOs, int templates) {
        int each = Math.max(1, templates / 30);
        for (int i = 0; i < each; i++) {
            tenantOs.removeProfile(FIRST_PROFILE + i);
            tenantOs.renameProfile(FIRST_PROFILE + each + i, "Image " + (each + i) + " (point release)");
            tenantOs.addProfile(new Seed.Profile(FIRST_PROFILE + templates + i, "New image " + i, List.of("linux"),
                    false));
        }
        return 3 * each;
    }

    private Round round(String name, SyncTemplates sync, DynamoDbWrites writes, int connections, int changed) {
        List<Double> millis = new ArrayList<>();
        Map<String, Double> writeTotals = new TreeMap<>();
        double added = 0, updated = 0, removed = 0, unchanged = 0;
        int failed = 0;
        for (int c = 0; c < connections; c++) {
            writes.reset();
            long started = System.nanoTime();
            SyncRun run = sync.run(connection(c), "run_" + System.nanoTime(), SyncRun.SCHEDULE).orElseThrow();
            millis.add((System.nanoTime() - started) / 1e6);
            if (run.failed()) {
                failed++;
                progress.println("catalog: a run failed: " + run.error());
            }
            writes.byKind().forEach((kind, n) -> writeTotals.merge(kind, (double) n, Double::sum));
            added += run.added();
            updated += run.updated();
            removed += run.removed();
            unchanged += run.unchanged();
        }
        Map<String, Double> perRun = new LinkedHashMap<>();
        writeTotals.forEach((kind, total) -> perRun.put(kind, total / connections));
        Round round = new Round(name, connections, failed, Stats.of(millis), perRun, changed, added / connections,
                updated / connections, removed / connections, unchanged / connections);
        progress.printf("catalog: %s: p50 %.0f ms per run, writes per run %s%n", name, round.runMillis().p50(), perRun);
        return round;
    }

    private static double fanOut(SyncTemplates sync, int connections, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                String id = connection(c);
                runs.add(pool.submit(() -> sync.run(id, "run_" + System.nanoTime(), SyncRun.SCHEDULE)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            return (System.nanoTime() - started) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("the fan-out round failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private record CatalogRead(Stats millis, double callsPerRead, int offered) {
    }

    private CatalogRead readCatalog(LocalAws aws) {
        AtomicLong calls = new AtomicLong();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        };
        try (DynamoDbClient dynamo = aws.dynamoDbClientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            StorefrontQueries queries = new StorefrontQueries(new DynamoDbCatalogRepository(dynamo, aws.tableName()),
                    new DynamoDbStockLevels(dynamo, aws.tableName()),
                    new DynamoDbOrderRepository(dynamo, aws.tableName(), Clock.systemUTC()),
                    new DynamoDbServiceRepository(dynamo, aws.tableName()));
            for (int i = 0; i < 10; i++) {
                queries.products();
            }
            calls.set(0);
            List<Double> millis = new ArrayList<>();
            int offered = 0;
            for (int i = 0; i < CATALOG_READS; i++) {
                long started = System.nanoTime();
                List<StorefrontQueries.Offer> listed = queries.products();
                millis.add((System.nanoTime() - started) / 1e6);
                offered = listed.isEmpty() ? 0 : listed.getFirst().product().osTemplates().size();
            }
            progress.printf("catalog: public catalog read p50 %.0f ms, %.1f DynamoDB calls%n",
                    Stats.of(millis).p50(), calls.get() / (double) CATALOG_READS);
            return new CatalogRead(Stats.of(millis), calls.get() / (double) CATALOG_READS, offered);
        }
    }
}
