package io.hostwright.benchmark.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Queues;
import io.hostwright.benchmark.report.Stats;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.lambda.aws.AwsCallCounter;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.simulators.http.Call;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TenantOS orders provisioned end to end through the laptop runtime in this JVM: the runtime starts with a simulator
 * of its own stock ({@link BenchmarkStock}: a server per order and a few spare, one subnet with the addresses the
 * orders need), 50 ms added to every simulator call and 1 s installs; a product, connection and product settings of
 * the benchmark's own point at it. A warm-up batch (one order per client) builds the handler instances and is not
 * counted. Then the measured orders are placed over HTTP by a fixed number of clients, each order by a new customer,
 * and the benchmark watches the services (reading the table through the emulator's client, which no function uses)
 * until every one is ACTIVE or FAILED, waits for the queues to empty, and only then reads each service once through
 * {@code GET /v1/services/{id}}, so the storefront's calls stay out of the counts.
 */
public final class ProvisioningLoad {

    public static final Duration TENANTOS_LATENCY = Duration.ofMillis(50);
    public static final Duration INSTALL_DURATION = Duration.ofSeconds(1);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration STOCK_RETRY = Duration.ofSeconds(2);
    public static final int SPARE_SERVERS = 10;
    public static final String START_INSTALL = "POST /api/servers/{id}/provisioning/startReinstallation";

    private static final Duration WARMUP_SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SERVER_ID = Pattern.compile("^/api/servers/(\\d+)/");

    /** The time from the 202 to a milestone, over the services that reached it. */
    public record Milestone(String name, String source, Stats ms) {
    }

    /** One provisioning step: time since the step before it ended (the 202 for the first) and attempts. */
    public record StepFigures(String step, Stats sincePreviousMs, double meanAttempts, int maxAttempts) {
    }

    /** One TenantOS route: calls answered and how many of them were not 2xx. */
    public record BackendCalls(String route, long calls, long errors) {
    }

    /** Everything the provisioning phase measured. */
    public record Result(Duration runtimeStartup, String product, int concurrency, int servers, int freeIps, int ipv4,
                         long latencyMs, long installMs, long pollIntervalMs, int warmupOrders, int warmupActive,
                         double warmupSeconds, int requested, int accepted, Map<Integer, Integer> otherAnswers,
                         List<String> answerExamples, double placeSeconds, int active, int failed,
                         int waitingForStock, int stillProvisioning, Map<String, Integer> failureReasons,
                         boolean settled, double settleSeconds, boolean drained, List<Milestone> milestones,
                         List<StepFigures> steps, Map<String, Long> awsCalls,
                         Map<String, Map<String, Long>> awsCallsByFunction, boolean byFunctionInstalled,
                         List<BackendCalls> backendCalls, int provisioningInstances, int provisioningMaxConcurrency,
                         int provisioningBatchSize) {
    }

    private final Options options;
    private final PrintStream progress;

    public ProvisioningLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        int warmupOrders = options.concurrency();
        int servers = warmupOrders + options.provisioningOrders() + SPARE_SERVERS;
        int ipv4 = options.provisioningIpv4();
        int freeIps = servers * (ipv4 - 1) + SPARE_SERVERS;
        SimulatorConfig simulator = SimulatorConfig.forTests()
                .withSeed(BenchmarkStock.seed(servers, freeIps))
                .withSettings(io.hostwright.simulator.tenantos.Settings.tests()
                        .withInstallDuration(INSTALL_DURATION)
                        .withLatency(TENANTOS_LATENCY));
        progress.printf(Locale.ROOT, "provisioning: starting the laptop runtime with a TenantOS simulator of %d servers...%n",
                servers);
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                .withSimulator(TenantOsSimulator.BACKEND, () -> TenantOsSimulator.start(simulator)))) {
            TenantOsSimulator tenantOs = BenchmarkOrders.simulator(runtime);
            // as the brief has it, and so a simulator that started without it still gets it
            tenantOs.setLatency(TENANTOS_LATENCY);
            tenantOs.setInstallDuration(INSTALL_DURATION);
            progress.printf(Locale.ROOT, "provisioning: runtime up in %.1f s on %s, simulator on %s%n",
                    runtime.startupTime().toMillis() / 1000.0, runtime.apiUri(), tenantOs.baseUrl());
            String run = UUID.randomUUID().toString().substring(0, 8);
            String productId = BenchmarkOrders.seedProduct(runtime, run, "provisioning", POLL_INTERVAL, STOCK_RETRY,
                    null);
            BenchmarkOrders orders = new BenchmarkOrders(runtime, options.concurrency(), progress);

            long warmupStarted = System.nanoTime();
            List<PlacedOrder> warmup = orders.place(productId, ipv4, run + "-w", warmupOrders);
            BenchmarkOrders.Settled warm = orders.settle(warmup, WARMUP_SETTLE_TIMEOUT, "warm-up");
            Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.PROVISIONING_QUEUE, Manifest.MAIL_QUEUE);
            double warmupSeconds = (System.nanoTime() - warmupStarted) / 1e9;
            progress.printf(Locale.ROOT, "provisioning: warm-up of %d orders done in %.1f s (%d ACTIVE)%n",
                    warmupOrders, warmupSeconds, warm.count(ServiceStatus.ACTIVE));

            AwsCallCounter.INSTANCE.reset();
            CallsByFunction.reset();
            tenantOs.clearCalls();
            progress.printf(Locale.ROOT, "provisioning: placing %d orders with %d clients...%n",
                    options.provisioningOrders(), options.concurrency());
            long started = System.nanoTime();
            List<PlacedOrder> placed = orders.place(productId, ipv4, run, options.provisioningOrders());
            double placeSeconds = (System.nanoTime() - started) / 1e9;
            long accepted = placed.stream().filter(PlacedOrder::accepted).count();
            progress.printf(Locale.ROOT, "provisioning: %d of %d accepted in %.1f s; watching them provision...%n",
                    accepted, placed.size(), placeSeconds);
            BenchmarkOrders.Settled settled = orders.settle(placed, SETTLE_TIMEOUT, "measured");
            double settleSeconds = (settled.lastChange() - started) / 1e9;
            boolean drained = Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.PROVISIONING_QUEUE, Manifest.MAIL_QUEUE);
            Map<String, Long> aws = AwsCallCounter.INSTANCE.snapshot();
            Map<String, Map<String, Long>> byFunction = CallsByFunction.snapshot();
            List<Call> calls = tenantOs.calls();
            progress.printf(Locale.ROOT, "provisioning: %s in %.1f s; reading every service through GET /v1/services/{id}%n",
                    settled.all() ? "all settled" : "NOT all settled", settleSeconds);

            List<PlacedOrder> read = orders.readServices(placed);
            LocalFunction provisioning = runtime.functions().stream()
                    .filter(f -> f.name().equals("provisioning")).findFirst().orElseThrow();
            Trigger.Queue trigger = (Trigger.Queue) provisioning.spec().trigger();
            return new Result(runtime.startupTime(), productId, options.concurrency(), servers, freeIps, ipv4,
                    TENANTOS_LATENCY.toMillis(), INSTALL_DURATION.toMillis(), POLL_INTERVAL.toMillis(), warmupOrders,
                    warm.count(ServiceStatus.ACTIVE), warmupSeconds, placed.size(), (int) accepted,
                    otherAnswers(placed), examples(placed), placeSeconds,
                    count(read, "ACTIVE"), count(read, "FAILED"),
                    (int) read.stream().filter(o -> o.accepted() && !terminal(o.status())
                            && o.statusReason().startsWith("waiting for stock")).count(),
                    (int) read.stream().filter(o -> o.accepted() && !terminal(o.status())
                            && !o.statusReason().startsWith("waiting for stock")).count(),
                    failureReasons(read), settled.all(), settleSeconds, drained,
                    milestones(read, calls, tenantOs), steps(read), aws, byFunction, CallsByFunction.installed(),
                    backendCalls(calls), provisioning.instances(), trigger.maxConcurrency(), trigger.batchSize());
        }
    }

    private static List<Milestone> milestones(List<PlacedOrder> read, List<Call> calls, TenantOsSimulator tenantOs) {
        // the first answered startReinstallation per server, matched to its order by the host name it now carries
        Map<String, Instant> installStartedByHost = new HashMap<>();
        Map<Long, String> hostOfServer = new HashMap<>();
        for (Call call : calls) {
            if (!call.matches(START_INSTALL) || call.status() / 100 != 2) {
                continue;
            }
            Matcher id = SERVER_ID.matcher(call.path());
            if (!id.find()) {
                continue;
            }
            String host = hostOfServer.computeIfAbsent(Long.parseLong(id.group(1)),
                    server -> tenantOs.server(server).hostname().toLowerCase(Locale.ROOT));
            installStartedByHost.merge(host, call.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<PlacedOrder> accepted = read.stream().filter(PlacedOrder::accepted).toList();
        return List.of(
                new Milestone("install started", "simulator call log: startReinstallation answered",
                        since(accepted, o -> installStartedByHost.get(o.hostname().toLowerCase(Locale.ROOT)))),
                new Milestone("install started", "GET /v1/services/{id}: start-install SUCCEEDED, updatedAt",
                        since(accepted, o -> o.stepSucceededAt("start-install"))),
                new Milestone("ACTIVE", "GET /v1/services/{id}: status ACTIVE, updatedAt",
                        since(accepted, o -> "ACTIVE".equals(o.status()) ? o.updatedAt() : null)));
    }

    /** Per order that reached the milestone: ms from its 202 to it. */
    static Stats since(List<PlacedOrder> orders, Function<PlacedOrder, Instant> milestone) {
        List<Double> ms = new ArrayList<>();
        for (PlacedOrder order : orders) {
            Instant at = milestone.apply(order);
            if (at != null) {
                ms.add(Duration.between(order.acceptedAt(), at).toNanos() / 1e6);
            }
        }
        return Stats.of(ms);
    }

    /** Per step of the ACTIVE services: time since the previous step ended (the 202 for the first), attempts. */
    static List<StepFigures> steps(List<PlacedOrder> read) {
        Map<String, List<Double>> since = new LinkedHashMap<>();
        Map<String, List<Integer>> attempts = new LinkedHashMap<>();
        for (PlacedOrder order : read) {
            if (!"ACTIVE".equals(order.status())) {
                continue;
            }
            Instant previous = order.acceptedAt();
            for (JsonNode step : order.service().path("steps")) {
                String name = step.path("name").asText();
                Instant at = PlacedOrder.instant(step.get("updatedAt"));
                if (at == null) {
                    continue;
                }
                since.computeIfAbsent(name, k -> new ArrayList<>()).add(Duration.between(previous, at).toNanos() / 1e6);
                attempts.computeIfAbsent(name, k -> new ArrayList<>()).add(step.path("attempts").asInt());
                previous = at;
            }
        }
        List<StepFigures> out = new ArrayList<>();
        since.forEach((name, ms) -> {
            List<Integer> a = attempts.get(name);
            out.add(new StepFigures(name, Stats.of(ms), a.stream().mapToInt(Integer::intValue).average().orElse(0),
                    a.stream().mapToInt(Integer::intValue).max().orElse(0)));
        });
        return out;
    }

    private static List<BackendCalls> backendCalls(List<Call> calls) {
        return backendCalls(calls, call -> call.method() + " " + call.template(), Call::status);
    }

    /**
     * A simulator's call log by route ({@code METHOD /template}), most called first: calls and those not 2xx. Any
     * back-end's log: {@code route} and {@code status} read one of its calls.
     */
    static <C> List<BackendCalls> backendCalls(List<C> calls, Function<C, String> route, ToIntFunction<C> status) {
        Map<String, long[]> byRoute = new TreeMap<>();
        for (C call : calls) {
            long[] n = byRoute.computeIfAbsent(route.apply(call), k -> new long[2]);
            n[0]++;
            if (status.applyAsInt(call) / 100 != 2) {
                n[1]++;
            }
        }
        return byRoute.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .map(e -> new BackendCalls(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    static Map<Integer, Integer> otherAnswers(List<PlacedOrder> placed) {
        Map<Integer, Integer> out = new TreeMap<>();
        placed.stream().filter(o -> !o.accepted()).forEach(o -> out.merge(o.answer(), 1, Integer::sum));
        return out;
    }

    static List<String> examples(List<PlacedOrder> placed) {
        return placed.stream().filter(o -> !o.accepted()).map(o -> o.answer() + " " + o.detail()).distinct().limit(3)
                .toList();
    }

    static Map<String, Integer> failureReasons(List<PlacedOrder> read) {
        Map<String, Integer> out = new TreeMap<>();
        read.stream().filter(o -> "FAILED".equals(o.status()))
                .forEach(o -> out.merge(generic(o.statusReason()), 1, Integer::sum));
        return out;
    }

    /** A failure reason without its addresses and server ids, so alike failures count together. */
    public static String generic(String reason) {
        return reason.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "<ip>")
                .replaceAll("\\(\\d+\\)", "(<server>)")
                .replaceAll("server \\d+", "server <server>");
    }

    static int count(List<PlacedOrder> read, String status) {
        return (int) read.stream().filter(o -> o.accepted() && status.equals(o.status())).count();
    }

    static boolean terminal(String status) {
        return BenchmarkOrders.provisioned(status);
    }
}
