package io.hostwright.benchmark.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Queues;
import io.hostwright.benchmark.provisioning.BenchmarkOrders;
import io.hostwright.benchmark.provisioning.BenchmarkStock;
import io.hostwright.benchmark.provisioning.CallsByFunction;
import io.hostwright.benchmark.provisioning.PlacedOrder;
import io.hostwright.benchmark.provisioning.ProvisioningLoad;
import io.hostwright.benchmark.report.Stats;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.lambda.aws.AwsCallCounter;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.simulators.http.Call;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rest of a server's life through the laptop runtime in this JVM. The runtime starts with a simulator of the
 * benchmark's own stock ({@link BenchmarkStock}), 50 ms added to every simulator call, 1 s installs and 2 s disk
 * wipes; a product of the benchmark's own (lifecycle settings as the end-to-end tests have them: ports down and power
 * off on suspension, power off, rename, wipe and user removal on termination) points at it. Servers are provisioned
 * first, as the provisioning phase does, not measured. Then every server goes through the same stages, one stage at
 * a time for all of them, the requests sent by a fixed number of clients: suspend (staff), unsuspend (staff), the
 * client functions {@code GET /server}, {@code POST /power} off and on (customer), reinstall with another OS
 * (customer) and terminate (staff). An operation stage waits until every operation has ended, watching them through
 * the table with the emulator's own client (which no function uses), then until the lifecycle and mail queues are
 * empty; only then are the stage's AWS and TenantOS calls read, and each operation read once through
 * {@code GET …/operations/{operationId}}, so those reads stay out of the counts. A warm-up round on one server per
 * client builds the handler instances first and is not counted. Failures are counted, never thrown.
 */
public final class LifecycleLoad {

    public static final Duration TENANTOS_LATENCY = ProvisioningLoad.TENANTOS_LATENCY;
    public static final Duration INSTALL_DURATION = Duration.ofSeconds(1);
    public static final Duration WIPE_DURATION = Duration.ofSeconds(2);
    public static final Duration POLL_INTERVAL = ProvisioningLoad.POLL_INTERVAL;
    public static final int SPARE_SERVERS = 5;
    /** Suspend takes ports down and powers off; terminate powers off, renames, wipes with profile 90, removes the user. */
    public static final Map<String, Object> LIFECYCLE = Map.of("disablePortsOnSuspend", true,
            "shutdownOnSuspend", true, "shutdownOnTermination", true, "terminationHostname", "free-{serverId}-{date}",
            "terminationProfileId", 90, "wipeDeadline", "PT10M", "removeUserOnTermination", true);

    private static final Duration PROVISION_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WATCH_EVERY = Duration.ofMillis(250);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A stage's name in the tables, what it asks and of whom. */
    public enum Stage {
        SUSPEND("suspend", true, true),
        UNSUSPEND("unsuspend", true, true),
        SERVER_INFO("GET /server", false, false),
        POWER_OFF("POST /power off", false, false),
        POWER_ON("POST /power on", false, false),
        REINSTALL("reinstall", true, false),
        TERMINATE("terminate", true, true);

        private final String label;
        private final boolean operation;
        private final boolean staff;

        Stage(String label, boolean operation, boolean staff) {
            this.label = label;
            this.operation = operation;
            this.staff = staff;
        }

        public String label() {
            return label;
        }

        /** An operation (202, then followed to its end) rather than a client function answered at once. */
        public boolean operation() {
            return operation;
        }

        /** Asked by staff on {@code /v1/admin/services/{id}}; else by the customer on {@code /v1/services/{id}}. */
        public boolean staff() {
            return staff;
        }

        String method() {
            return this == SERVER_INFO ? "GET" : "POST";
        }

        String path(String serviceId) {
            String base = (staff ? "/v1/admin/services/" : "/v1/services/") + serviceId;
            return switch (this) {
                case SUSPEND -> base + "/suspend";
                case UNSUSPEND -> base + "/unsuspend";
                case TERMINATE -> base + "/terminate";
                case REINSTALL -> base + "/reinstall";
                case SERVER_INFO -> base + "/server";
                case POWER_OFF, POWER_ON -> base + "/power";
            };
        }

        String operationPath(String serviceId, String operationId) {
            return (staff ? "/v1/admin/services/" : "/v1/services/") + serviceId + "/operations/" + operationId;
        }

        /** The request body, null for none. */
        String body() {
            return switch (this) {
                case SUSPEND -> "{\"reason\":\"benchmark: invoice unpaid\"}";
                case REINSTALL -> "{\"osTemplateId\":\"" + BenchmarkOrders.OTHER_OS + "\"}";
                case POWER_OFF -> "{\"action\":\"off\"}";
                case POWER_ON -> "{\"action\":\"on\"}";
                case UNSUSPEND, TERMINATE, SERVER_INFO -> null;
            };
        }

        /** The answer that means it worked. */
        int expected() {
            return operation ? 202 : 200;
        }
    }

    /** A provisioned server as its customer knows it. */
    private record Server(String serviceId, String token) {
    }

    /** One request of a stage: its answer and, for an operation, how it ended. */
    private record Outcome(String serviceId, int answer, double requestMs, Instant answeredAt, String operationId,
                           String detail, String status, Instant endedAt, JsonNode read) {

        boolean answered() {
            return answer > 0;
        }

        Outcome ended(Operation operation) {
            return new Outcome(serviceId, answer, requestMs, answeredAt, operationId, operation.detail(),
                    operation.status().name(), operation.updatedAt(), read);
        }

        Outcome withRead(JsonNode operation) {
            return new Outcome(serviceId, answer, requestMs, answeredAt, operationId, detail, status, endedAt, operation);
        }
    }

    /** One step of an operation kind: time since the step before it ended (the 202 for the first) and attempts. */
    public record StepFigures(String step, Stats sincePreviousMs, double meanAttempts, int maxAttempts) {
    }

    /**
     * One stage over all servers.
     *
     * @param requests        requests sent (one per server)
     * @param ok              answered 202 (operations) or 200 (client functions)
     * @param otherAnswers    HTTP status (0 = no answer) → count, for the rest
     * @param answerExamples  a few of those answers' bodies
     * @param requestMs       client-side latency of the {@code ok} answers (send to last byte)
     * @param outcomes        operations: final status (SUCCEEDED, FAILED, NEEDS_ATTENTION, "not ended") → count
     * @param failureDetails  operations that did not succeed: their detail, alike ones counted together
     * @param toEndedMs       operations: from the 202 in the client's hands to the operation's last update as ended
     * @param steps           operations: per step of the succeeded ones
     * @param wallSeconds     first request sent to the last operation ended (or the last answer)
     * @param drained         the lifecycle and mail queues emptied afterwards
     * @param awsCalls        AwsCallCounter over the stage (Service.Operation → calls)
     * @param awsByFunction   CallsByFunction over the stage (function → Service.Operation → calls)
     * @param tenantOsCalls   the simulator's call log over the stage: "METHOD /route" → calls
     * @param tenantOsErrors  how many of those were not 2xx
     * @param readFailures    operations whose {@code GET …/operations/{id}} did not answer 200 afterwards
     */
    public record StageFigures(String stage, boolean operation, int requests, int ok, Map<Integer, Integer> otherAnswers,
                               List<String> answerExamples, Stats requestMs, Map<String, Integer> outcomes,
                               Map<String, Integer> failureDetails, Stats toEndedMs, List<StepFigures> steps,
                               double wallSeconds, boolean drained, Map<String, Long> awsCalls,
                               Map<String, Map<String, Long>> awsByFunction, Map<String, Long> tenantOsCalls,
                               long tenantOsErrors, int readFailures) {

        public int outcome(String status) {
            return outcomes.getOrDefault(status, 0);
        }
    }

    /** Everything the lifecycle phase measured. */
    public record Result(Duration runtimeStartup, String product, int concurrency, int stockServers, int ipv4,
                         long latencyMs, long installMs, long wipeMs, long pollIntervalMs, int ordered,
                         int provisioned, double provisionSeconds, Map<String, Integer> notProvisioned,
                         int warmupServers, double warmupSeconds, Map<String, String> warmupProblems, int servers,
                         List<StageFigures> stages, int terminatedAtEnd, int backInStock, int stockSize,
                         boolean byFunctionInstalled, Map<String, Integer> handlerInstances,
                         int lifecycleMaxConcurrency, int lifecycleBatchSize) {
    }

    private final Options options;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public LifecycleLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        int warmupServers = options.concurrency();
        int measured = options.lifecycleServers();
        int ordered = warmupServers + measured;
        int stock = ordered + SPARE_SERVERS;
        int ipv4 = options.provisioningIpv4();
        int freeIps = stock * (ipv4 - 1) + SPARE_SERVERS;
        SimulatorConfig simulator = SimulatorConfig.forTests()
                .withSeed(BenchmarkStock.seed(stock, freeIps))
                .withSettings(io.hostwright.simulator.tenantos.Settings.tests()
                        .withInstallDuration(INSTALL_DURATION)
                        .withWipeDuration(WIPE_DURATION)
                        .withLatency(TENANTOS_LATENCY));
        progress.printf(Locale.ROOT, "lifecycle: starting the laptop runtime with a TenantOS simulator of %d servers...%n",
                stock);
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                .withSimulator(TenantOsSimulator.BACKEND, () -> TenantOsSimulator.start(simulator)))) {
            TenantOsSimulator tenantOs = BenchmarkOrders.simulator(runtime);
            tenantOs.setLatency(TENANTOS_LATENCY);
            tenantOs.setInstallDuration(INSTALL_DURATION);
            tenantOs.setWipeDuration(WIPE_DURATION);
            progress.printf(Locale.ROOT, "lifecycle: runtime up in %.1f s on %s, simulator on %s%n",
                    runtime.startupTime().toMillis() / 1000.0, runtime.apiUri(), tenantOs.baseUrl());
            String run = UUID.randomUUID().toString().substring(0, 8);
            String productId = BenchmarkOrders.seedProduct(runtime, run, "lifecycle", POLL_INTERVAL,
                    ProvisioningLoad.STOCK_RETRY, LIFECYCLE);
            BenchmarkOrders orders = new BenchmarkOrders(runtime, options.concurrency(), progress);

            progress.printf(Locale.ROOT, "lifecycle: provisioning %d servers (%d for the warm-up), not measured...%n",
                    ordered, warmupServers);
            long provisionStarted = System.nanoTime();
            List<PlacedOrder> placed = orders.place(productId, ipv4, run, ordered);
            orders.settle(placed, PROVISION_TIMEOUT, "provisioning");
            Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.PROVISIONING_QUEUE, Manifest.MAIL_QUEUE);
            double provisionSeconds = (System.nanoTime() - provisionStarted) / 1e9;
            List<PlacedOrder> read = orders.readServices(placed);
            List<Server> active = read.stream().filter(o -> o.accepted() && "ACTIVE".equals(o.status()))
                    .map(o -> new Server(o.serviceId(), o.token())).toList();
            Map<String, Integer> notProvisioned = new TreeMap<>();
            read.stream().filter(o -> !(o.accepted() && "ACTIVE".equals(o.status())))
                    .forEach(o -> notProvisioned.merge(o.accepted() ? o.status() + ": "
                            + ProvisioningLoad.generic(o.statusReason()) : "order answered " + o.answer(), 1, Integer::sum));
            progress.printf(Locale.ROOT, "lifecycle: %d of %d ACTIVE in %.1f s%n", active.size(), ordered,
                    provisionSeconds);

            int warmupCount = Math.min(warmupServers, Math.max(0, active.size() - 1));
            List<Server> warmup = active.subList(0, warmupCount);
            List<Server> servers = active.subList(warmupCount, active.size());
            String staff = runtime.jwt().issue("bench-staff-" + run, "noc-bench-" + run + "@hostwright.local", "admin",
                    Duration.ofHours(2));

            long warmupStarted = System.nanoTime();
            Map<String, String> warmupProblems = new LinkedHashMap<>();
            if (!warmup.isEmpty()) {
                progress.printf(Locale.ROOT, "lifecycle: warm-up round on %d servers, not counted...%n", warmup.size());
                for (Stage stage : Stage.values()) {
                    StageFigures figures = stage(runtime, stage, warmup, staff, "warm-up " + stage.label());
                    String problem = problems(figures);
                    if (!problem.isEmpty()) {
                        warmupProblems.put(stage.label(), problem);
                    }
                }
            }
            double warmupSeconds = (System.nanoTime() - warmupStarted) / 1e9;

            List<StageFigures> stages = new ArrayList<>();
            for (Stage stage : Stage.values()) {
                progress.printf(Locale.ROOT, "lifecycle: %s on %d servers with %d clients...%n", stage.label(),
                        servers.size(), options.concurrency());
                StageFigures figures = stage(runtime, stage, servers, staff, stage.label());
                stages.add(figures);
                progress.printf(Locale.ROOT, "lifecycle: %s: %d of %d %s in %.1f s%s%n", stage.label(), figures.ok(),
                        figures.requests(), stage.operation() ? "accepted" : "answered 200", figures.wallSeconds(),
                        stage.operation() ? ", " + figures.outcomes() : "");
            }

            DynamoDbServiceRepository services = new DynamoDbServiceRepository(runtime.aws().dynamoDb(),
                    runtime.aws().tableName());
            int terminated = (int) servers.stream().filter(s -> services.findService(s.serviceId())
                    .map(found -> found.status() == ServiceStatus.TERMINATED).orElse(false)).count();
            int inStock = (int) tenantOs.servers().stream()
                    .filter(s -> s.hasTag("forRent") && s.userId() != null && s.userId() == 1L).count();
            Map<String, Integer> instances = new LinkedHashMap<>();
            for (LocalFunction function : runtime.functions()) {
                if (List.of("service-admin", "server-control", "lifecycle", "mailer").contains(function.name())) {
                    instances.put(function.name(), function.instances());
                }
            }
            Trigger.Queue trigger = (Trigger.Queue) Manifest.consumerOf(Manifest.LIFECYCLE_QUEUE).orElseThrow().trigger();
            return new Result(runtime.startupTime(), productId, options.concurrency(), stock, ipv4,
                    TENANTOS_LATENCY.toMillis(), INSTALL_DURATION.toMillis(), WIPE_DURATION.toMillis(),
                    POLL_INTERVAL.toMillis(), ordered, active.size(), provisionSeconds, notProvisioned, warmup.size(),
                    warmupSeconds, warmupProblems, servers.size(), stages, terminated, inStock, stock,
                    CallsByFunction.installed(), instances, trigger.maxConcurrency(), trigger.batchSize());
        }
    }

    /** One stage for every server: requests, operations followed to their end, then the stage's calls. */
    private StageFigures stage(LocalRuntime runtime, Stage stage, List<Server> servers, String staff, String label) {
        TenantOsSimulator tenantOs = BenchmarkOrders.simulator(runtime);
        AwsCallCounter.INSTANCE.reset();
        CallsByFunction.reset();
        tenantOs.clearCalls();
        long started = System.nanoTime();
        List<Outcome> outcomes = parallel(servers, server -> request(runtime, stage, server, staff));
        if (stage.operation()) {
            outcomes = watch(runtime, outcomes, label);
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        boolean drained = Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.LIFECYCLE_QUEUE, Manifest.MAIL_QUEUE);
        Map<String, Long> aws = AwsCallCounter.INSTANCE.snapshot();
        Map<String, Map<String, Long>> byFunction = CallsByFunction.snapshot();
        List<Call> calls = tenantOs.calls();
        if (stage.operation()) {
            Map<String, String> tokens = servers.stream()
                    .collect(Collectors.toMap(Server::serviceId, s -> stage.staff() ? staff : s.token()));
            outcomes = parallel(outcomes, o -> o.operationId() == null ? o
                    : o.withRead(readOperation(runtime, stage, o, tokens.get(o.serviceId()))));
        }
        return figures(stage, outcomes, wallSeconds, drained, aws, byFunction, calls);
    }

    private Outcome request(LocalRuntime runtime, Stage stage, Server server, String staff) {
        String body = stage.body();
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.apiUri().resolve(stage.path(server.serviceId())))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + (stage.staff() ? staff : server.token()))
                .method(stage.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (stage.method().equals("POST")) {
            request.header("Idempotency-Key", "bench-" + UUID.randomUUID());
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - sent) / 1e6;
            Instant answered = Instant.now();
            if (response.statusCode() != stage.expected()) {
                return new Outcome(server.serviceId(), response.statusCode(), ms, answered, null,
                        stage.label() + " answered " + response.statusCode() + ": " + response.body(), null, null, null);
            }
            String operationId = null;
            if (stage.operation()) {
                operationId = MAPPER.readTree(response.body()).path("operationId").asText(null);
            }
            return new Outcome(server.serviceId(), response.statusCode(), ms, answered, operationId, null, null, null,
                    null);
        } catch (IOException e) {
            return new Outcome(server.serviceId(), 0, Double.NaN, null, null, "no answer: " + e, null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(server.serviceId(), 0, Double.NaN, null, null, "interrupted", null, null, null);
        }
    }

    /** Follows every accepted operation through the table until it ended, or the timeout passes. */
    private List<Outcome> watch(LocalRuntime runtime, List<Outcome> requested, String label) {
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(runtime.aws().dynamoDb(),
                runtime.aws().tableName());
        List<Outcome> out = new ArrayList<>(requested);
        long started = System.nanoTime();
        long deadline = started + OPERATION_TIMEOUT.toNanos();
        long lastReport = started;
        while (true) {
            boolean all = true;
            Map<String, Integer> byStatus = new TreeMap<>();
            for (int i = 0; i < out.size(); i++) {
                Outcome o = out.get(i);
                if (o.operationId() == null || o.status() != null) {
                    continue;
                }
                Operation operation;
                try {
                    operation = operations.find(o.serviceId(), o.operationId()).orElse(null);
                } catch (RuntimeException e) {
                    operation = null;
                }
                if (operation != null && operation.status().ended()) {
                    out.set(i, o.ended(operation));
                } else {
                    all = false;
                    byStatus.merge(operation == null ? "unknown" : operation.status().name(), 1, Integer::sum);
                }
            }
            long now = System.nanoTime();
            if (all || now > deadline) {
                return out;
            }
            if (now - lastReport > Duration.ofSeconds(5).toNanos()) {
                lastReport = now;
                progress.printf(Locale.ROOT, "  [%s %3.0f s] not ended yet: %s%n", label, (now - started) / 1e9, byStatus);
            }
            try {
                Thread.sleep(WATCH_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
        }
    }

    /** {@code GET …/operations/{operationId}} as its asker sees it; null when it did not answer 200. */
    private JsonNode readOperation(LocalRuntime runtime, Stage stage, Outcome outcome, String token) {
        HttpRequest request = HttpRequest.newBuilder(runtime.apiUri().resolve(
                        stage.operationPath(outcome.serviceId(), outcome.operationId())))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? MAPPER.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Applies {@code work} to every item with the clients, keeping the order; never throws for an item. */
    private <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
        try (ExecutorService clients = Executors.newFixedThreadPool(options.concurrency())) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(clients.submit(() -> work.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> future : futures) {
                out.add(future.get(REQUEST_TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            // the work itself answers failures as outcomes; this is the benchmark's own machinery breaking
            throw new IllegalStateException("the benchmark's clients failed: " + e, e);
        }
    }

    private static StageFigures figures(Stage stage, List<Outcome> outcomes, double wallSeconds, boolean drained,
                                        Map<String, Long> aws, Map<String, Map<String, Long>> byFunction,
                                        List<Call> calls) {
        int ok = 0;
        Map<Integer, Integer> other = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        List<Double> requestMs = new ArrayList<>();
        Map<String, Integer> ended = new LinkedHashMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        List<Double> toEnded = new ArrayList<>();
        int readFailures = 0;
        for (Outcome o : outcomes) {
            if (o.answer() != stage.expected()) {
                other.merge(o.answer(), 1, Integer::sum);
                String example = LifecycleFigures.flat(o.detail(), 300);
                if (examples.size() < 3 && !examples.contains(example)) {
                    examples.add(example);
                }
                continue;
            }
            ok++;
            requestMs.add(o.requestMs());
            if (!stage.operation()) {
                continue;
            }
            if (o.operationId() == null) {
                ended.merge("202 without operationId", 1, Integer::sum);
                continue;
            }
            String status = o.status() == null ? LifecycleFigures.NOT_ENDED : o.status();
            ended.merge(status, 1, Integer::sum);
            if (o.endedAt() != null && o.answeredAt() != null) {
                toEnded.add(Duration.between(o.answeredAt(), o.endedAt()).toNanos() / 1e6);
            }
            if (!"SUCCEEDED".equals(status)) {
                failures.merge(status + ": " + ProvisioningLoad.generic(String.valueOf(o.detail())), 1, Integer::sum);
            }
            if (o.read() == null) {
                readFailures++;
            }
        }
        List<StepFigures> steps = stage.operation() ? steps(outcomes) : List.of();
        return new StageFigures(stage.label(), stage.operation(), outcomes.size(), ok, other, examples,
                Stats.of(requestMs), LifecycleFigures.ordered(ended), failures, Stats.of(toEnded), steps, wallSeconds,
                drained, aws, byFunction, LifecycleFigures.byRoute(calls.stream()
                        .map(c -> c.method() + " " + c.template()).toList()),
                calls.stream().filter(c -> c.status() / 100 != 2).count(), readFailures);
    }

    /** Per step of the operations that SUCCEEDED: time since the previous step ended (the 202 for the first). */
    private static List<StepFigures> steps(List<Outcome> outcomes) {
        Map<String, List<Double>> since = new LinkedHashMap<>();
        Map<String, List<Integer>> attempts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (!"SUCCEEDED".equals(o.status()) || o.read() == null || o.answeredAt() == null) {
                continue;
            }
            Instant previous = o.answeredAt();
            for (JsonNode step : o.read().path("steps")) {
                JsonNode updated = step.get("updatedAt");
                if (updated == null || !updated.isTextual()) {
                    continue;
                }
                Instant at = Instant.parse(updated.asText());
                String name = step.path("name").asText();
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

    /** What went wrong in a (warm-up) stage, in one line; empty when nothing did. */
    private static String problems(StageFigures figures) {
        List<String> out = new ArrayList<>();
        figures.otherAnswers().forEach((status, n) -> out.add(n + " x " + (status == 0 ? "no answer" : "HTTP " + status)));
        figures.failureDetails().forEach((detail, n) -> out.add(n + " x " + LifecycleFigures.flat(detail, 200)));
        return String.join("; ", out);
    }
}
