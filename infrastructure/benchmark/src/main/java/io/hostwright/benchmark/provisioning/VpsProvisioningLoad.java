package io.hostwright.benchmark.provisioning;

import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Queues;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.lambda.aws.AwsCallCounter;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.simulator.vmmanager6.Seed;
import io.hostwright.simulator.vmmanager6.Settings;
import io.hostwright.simulator.vmmanager6.SimulatedHost;
import io.hostwright.simulator.vmmanager6.SimulatedPool;
import io.hostwright.simulator.vmmanager6.SimulatedTask;
import io.hostwright.simulator.vmmanager6.SimulatorConfig;
import io.hostwright.simulator.vmmanager6.TaskNames;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import io.hostwright.simulators.http.Call;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * VPS orders provisioned end to end on VMmanager 6 through the laptop runtime in this JVM, the way
 * {@link ProvisioningLoad} does it for TenantOS: the runtime starts with a VMmanager simulator of the demo seed plus an
 * IPv4 pool of the benchmark's own on cluster 1, sized for every order ({@link #POOL_ID}), 50 ms added to every
 * simulator call and 5 s tasks ({@code host_create} among them); a product, connection and OS template of the
 * benchmark's own point at it, polling the create task every second. A warm-up batch (one order per client) builds the
 * handler instances and is not counted. Then the measured orders are placed over HTTP by a fixed number of clients,
 * each by a new customer (so each makes a VMmanager account), watched through the table until every service is ACTIVE
 * or FAILED, the queues awaited, and only then each service read once through {@code GET /v1/services/{id}}.
 */
public final class VpsProvisioningLoad {

    public static final Duration LATENCY = Duration.ofMillis(50);
    public static final Duration TASK_DURATION = Duration.ofSeconds(5);
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Addresses each order asks for: VMmanager hands them all out from the pool when it creates the host. */
    public static final int IPV4 = 2;
    public static final long CLUSTER_ID = 1;
    /** The benchmark's own pool on cluster 1 (the demo seed has pools 1 to 3). */
    public static final long POOL_ID = 90;
    public static final int SPARE_ADDRESSES = 10;
    /** The simulator keeps the last this many calls (its call log's capacity). */
    public static final int CALL_LOG_CAPACITY = 10_000;

    private static final Duration WARMUP_SETTLE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    /** Everything the VPS phase measured. */
    public record Result(Duration runtimeStartup, String product, int concurrency, int ipv4, int poolSize,
                         long latencyMs, long taskMs, long pollIntervalMs, int warmupOrders, int warmupActive,
                         double warmupSeconds, int requested, int accepted, Map<Integer, Integer> otherAnswers,
                         List<String> answerExamples, double placeSeconds, int active, int failed,
                         int waitingForRoom, int stillProvisioning, Map<String, Integer> failureReasons,
                         boolean settled, double settleSeconds, boolean drained, int hosts, int accounts,
                         List<ProvisioningLoad.Milestone> milestones, List<ProvisioningLoad.StepFigures> steps,
                         Map<String, Long> awsCalls, Map<String, Map<String, Long>> awsCallsByFunction,
                         boolean byFunctionInstalled, List<ProvisioningLoad.BackendCalls> backendCalls,
                         boolean callLogFull, int provisioningInstances, int provisioningMaxConcurrency,
                         int provisioningBatchSize) {
    }

    private final Options options;
    private final PrintStream progress;

    public VpsProvisioningLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        int warmupOrders = options.concurrency();
        int poolSize = (warmupOrders + options.vpsOrders()) * IPV4 + SPARE_ADDRESSES;
        SimulatorConfig simulator = SimulatorConfig.forTests()
                .withSeed(Seed.demo().toBuilder()
                        .ipPool(new Seed.IpPool(POOL_ID, "benchmark", List.of(CLUSTER_ID), "10.98.0.1", poolSize))
                        .build())
                .withSettings(Settings.laptop().withTaskDuration(TASK_DURATION).withLatency(LATENCY));
        progress.printf(Locale.ROOT, "vps: starting the laptop runtime with a VMmanager 6 simulator (pool of %d "
                + "addresses)...%n", poolSize);
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                .withSimulator(VmManager6Simulator.BACKEND, () -> VmManager6Simulator.start(simulator)))) {
            VmManager6Simulator vm = simulator(runtime);
            // as the brief has it, and so a simulator that started without it still gets it
            vm.setLatency(LATENCY);
            vm.setTaskDuration(TASK_DURATION);
            SimulatedPool pool = vm.pool(POOL_ID);
            progress.printf(Locale.ROOT, "vps: runtime up in %.1f s on %s, simulator on %s, pool %d: %d free%n",
                    runtime.startupTime().toMillis() / 1000.0, runtime.apiUri(), vm.baseUrl(), POOL_ID, pool.free());
            String run = UUID.randomUUID().toString().substring(0, 8);
            String productId = seedProduct(runtime, run);
            BenchmarkOrders orders = new BenchmarkOrders(runtime, options.concurrency(), progress);
            Map<String, Object> orderOptions = Map.of("ipv4", IPV4);

            long warmupStarted = System.nanoTime();
            List<PlacedOrder> warmup = orders.place(productId, orderOptions, run + "-w", warmupOrders);
            BenchmarkOrders.Settled warm = orders.settle(warmup, WARMUP_SETTLE_TIMEOUT, "vps warm-up");
            Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.PROVISIONING_QUEUE, Manifest.MAIL_QUEUE);
            double warmupSeconds = (System.nanoTime() - warmupStarted) / 1e9;
            progress.printf(Locale.ROOT, "vps: warm-up of %d orders done in %.1f s (%d ACTIVE)%n",
                    warmupOrders, warmupSeconds, warm.count(ServiceStatus.ACTIVE));

            AwsCallCounter.INSTANCE.reset();
            CallsByFunction.reset();
            vm.clearCalls();
            progress.printf(Locale.ROOT, "vps: placing %d orders with %d clients...%n", options.vpsOrders(),
                    options.concurrency());
            long started = System.nanoTime();
            List<PlacedOrder> placed = orders.place(productId, orderOptions, run, options.vpsOrders());
            double placeSeconds = (System.nanoTime() - started) / 1e9;
            long accepted = placed.stream().filter(PlacedOrder::accepted).count();
            progress.printf(Locale.ROOT, "vps: %d of %d accepted in %.1f s; watching them provision...%n",
                    accepted, placed.size(), placeSeconds);
            BenchmarkOrders.Settled settled = orders.settle(placed, SETTLE_TIMEOUT, "vps");
            double settleSeconds = (settled.lastChange() - started) / 1e9;
            boolean drained = Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.PROVISIONING_QUEUE,
                    Manifest.MAIL_QUEUE);
            Map<String, Long> aws = AwsCallCounter.INSTANCE.snapshot();
            Map<String, Map<String, Long>> byFunction = CallsByFunction.snapshot();
            List<Call> calls = vm.calls();
            List<SimulatedHost> hosts = vm.hosts();
            List<SimulatedTask> tasks = vm.tasks();
            progress.printf(Locale.ROOT, "vps: %s in %.1f s; reading every service through GET /v1/services/{id}%n",
                    settled.all() ? "all settled" : "NOT all settled", settleSeconds);

            List<PlacedOrder> read = orders.readServices(placed);
            Set<String> services = read.stream().filter(PlacedOrder::accepted).map(PlacedOrder::serviceId)
                    .collect(Collectors.toSet());
            List<SimulatedHost> ours = hosts.stream().filter(h -> services.contains(h.comment())).toList();
            int accounts = (int) ours.stream().map(SimulatedHost::accountId).distinct().count();
            LocalFunction provisioning = runtime.functions().stream()
                    .filter(f -> f.name().equals("provisioning")).findFirst().orElseThrow();
            Trigger.Queue trigger = (Trigger.Queue) provisioning.spec().trigger();
            return new Result(runtime.startupTime(), productId, options.concurrency(), IPV4, poolSize,
                    LATENCY.toMillis(), TASK_DURATION.toMillis(), POLL_INTERVAL.toMillis(), warmupOrders,
                    warm.count(ServiceStatus.ACTIVE), warmupSeconds, placed.size(), (int) accepted,
                    ProvisioningLoad.otherAnswers(placed), ProvisioningLoad.examples(placed), placeSeconds,
                    ProvisioningLoad.count(read, "ACTIVE"), ProvisioningLoad.count(read, "FAILED"),
                    (int) read.stream().filter(o -> o.accepted() && !ProvisioningLoad.terminal(o.status())
                            && o.statusReason().startsWith("waiting: ")).count(),
                    (int) read.stream().filter(o -> o.accepted() && !ProvisioningLoad.terminal(o.status())
                            && !o.statusReason().startsWith("waiting: ")).count(),
                    ProvisioningLoad.failureReasons(read), settled.all(), settleSeconds, drained, ours.size(),
                    accounts, milestones(read, hosts, tasks), ProvisioningLoad.steps(read), aws, byFunction,
                    CallsByFunction.installed(),
                    ProvisioningLoad.backendCalls(calls, call -> call.method() + " " + call.template(), Call::status),
                    calls.size() >= CALL_LOG_CAPACITY, provisioning.instances(), trigger.maxConcurrency(),
                    trigger.batchSize());
        }
    }

    /** The runtime's VMmanager 6 simulator. */
    public static VmManager6Simulator simulator(LocalRuntime runtime) {
        return runtime.simulator(VmManager6Simulator.BACKEND, VmManager6Simulator.class);
    }

    /**
     * A VPS product, connection and OS template of this run's own, pointing at the runtime's simulator: as the demo's
     * {@code vps-m} (cluster 1, 2 vCPU, 4 GB, 50 GB), but its addresses from {@link #POOL_ID} and the create task
     * polled every {@link #POLL_INTERVAL}.
     *
     * @return the product id
     */
    public static String seedProduct(LocalRuntime runtime, String run) {
        String productId = "bench-vps-" + run;
        String connectionId = "bench-vmmanager-" + run;
        String department = "noc-bench-" + run + "@hostwright.local";
        var aws = runtime.aws();
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(new Connection(connectionId,
                VmManager6Simulator.BACKEND, "benchmark", simulator(runtime).baseUrl(),
                "env:" + LocalRuntime.simulatorKeyVariable(VmManager6Simulator.BACKEND), department, Map.of()));
        // the connection's OS template, as its first sync would find the simulator's OS 1
        new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()).add(new ConnectionTemplate(connectionId,
                BenchmarkOrders.OS, "ISPsystem__Debian 12", "1", "Debian 12", null, 10, List.of(), false,
                Instant.now(), null));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clusterId", CLUSTER_ID);
        settings.put("cpuNumber", 2);
        settings.put("ramMib", 4096);
        settings.put("diskMib", 51200);
        settings.put("ipv4Pools", List.of(POOL_ID));
        settings.put("taskDeadline", "PT10M");
        settings.put("pollInterval", POLL_INTERVAL.toString());
        new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).saveProduct(new Product(productId,
                "Benchmark VPS", "seeded by the benchmark's vps phase", ServiceType.VPS,
                VmManager6Simulator.BACKEND, connectionId, department,
                List.of(),
                List.of(new IntegerOption("ipv4", "IPv4 addresses", 1, 4, 1, 1, null),
                        new ChoiceOption("bandwidthTb", "Monthly traffic (TB)", List.of(
                                new ChoiceOption.Choice("2", null, null), new ChoiceOption.Choice("5", null, null)),
                                null)),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 1200)), settings));
        return productId;
    }

    /**
     * From the 202 to the host's create task registered and finished (the simulator's tasks, matched to the order by
     * the service id the host carries in its comment), to create-host recorded and to ACTIVE.
     */
    private static List<ProvisioningLoad.Milestone> milestones(List<PlacedOrder> read, List<SimulatedHost> hosts,
                                                              List<SimulatedTask> tasks) {
        Map<Long, String> serviceOfHost = new HashMap<>();
        hosts.forEach(h -> serviceOfHost.put(h.id(), h.comment()));
        Map<String, SimulatedTask> createTask = new HashMap<>();
        for (SimulatedTask task : tasks) {
            String service = serviceOfHost.get(task.hostId());
            if (TaskNames.HOST_CREATE.equals(task.name()) && service != null) {
                createTask.merge(service, task, (a, b) -> a.registeredAt().isBefore(b.registeredAt()) ? a : b);
            }
        }
        List<PlacedOrder> accepted = read.stream().filter(PlacedOrder::accepted).toList();
        return List.of(
                new ProvisioningLoad.Milestone("host_create task started", "simulator: the task's registeredAt",
                        ProvisioningLoad.since(accepted, o -> at(createTask.get(o.serviceId()), false))),
                new ProvisioningLoad.Milestone("create-host recorded", "GET /v1/services/{id}: create-host SUCCEEDED, "
                        + "updatedAt", ProvisioningLoad.since(accepted, o -> o.stepSucceededAt("create-host"))),
                new ProvisioningLoad.Milestone("host_create task complete", "simulator: the task's finishedAt",
                        ProvisioningLoad.since(accepted, o -> at(createTask.get(o.serviceId()), true))),
                new ProvisioningLoad.Milestone("ACTIVE", "GET /v1/services/{id}: status ACTIVE, updatedAt",
                        ProvisioningLoad.since(accepted, o -> "ACTIVE".equals(o.status()) ? o.updatedAt() : null)));
    }

    private static Instant at(SimulatedTask task, boolean finished) {
        if (task == null) {
            return null;
        }
        return finished ? ("complete".equals(task.status()) ? task.finishedAt() : null) : task.registeredAt();
    }
}
