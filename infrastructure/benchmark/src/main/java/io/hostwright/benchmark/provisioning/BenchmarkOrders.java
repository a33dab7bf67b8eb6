package io.hostwright.benchmark.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.tenantos.TenantOsSimulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Orders of the benchmark's own product through a running laptop runtime: for TenantOS the product, connection and
 * settings pointing at the runtime's simulator ({@link BenchmarkStock}, {@link #seedProduct}; the VPS phase seeds its
 * own, {@link VpsProvisioningLoad#seedProduct}), orders placed over HTTP by a fixed number of clients (each by a new
 * customer), their services watched through the table with the emulator's own client (which no function uses, so
 * nothing is counted) and read once through {@code GET /v1/services/{id}}. The provisioning, VPS and lifecycle phases
 * all order this way.
 */
public final class BenchmarkOrders {

    /** The OS every order installs, and the one a reinstall may switch to (both profiles are in the demo seed). */
    public static final String OS = "debian-12";
    public static final String OTHER_OS = "ubuntu-24.04";

    private static final Duration PLACE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WATCH_EVERY = Duration.ofMillis(250);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LocalRuntime runtime;
    private final int concurrency;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public BenchmarkOrders(LocalRuntime runtime, int concurrency, PrintStream progress) {
        this.runtime = runtime;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    /**
     * A product, connection and settings of this run's own, pointing at the runtime's simulator.
     *
     * @param phase     names the product ("provisioning", "lifecycle")
     * @param lifecycle what suspend and terminate do; null for the defaults
     * @return the product id
     */
    public static String seedProduct(LocalRuntime runtime, String run, String phase, Duration pollInterval,
                                     Duration stockRetry, Map<String, Object> lifecycle) {
        String productId = "bench-dedicated-" + run;
        String connectionId = "bench-tenantos-" + run;
        String department = "noc-bench-" + run + "@hostwright.local";
        var aws = runtime.aws();
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(new Connection(connectionId,
                TenantOsSimulator.BACKEND, "benchmark", simulator(runtime).baseUrl(),
                "env:" + LocalRuntime.simulatorKeyVariable(TenantOsSimulator.BACKEND), department,
                Map.of("stockOwnerUserId", 1, "tagsToAddAfterProvisioning", List.of("assigned"),
                        "tagsToRemoveAfterProvisioning", List.of("forRent"), "tagsToAddAfterTermination",
                        List.of("forRent"), "tagsToRemoveAfterTermination", List.of("assigned"))));
        // the connection's OS templates, as its first sync would find profiles 12 and 13
        DynamoDbConnectionTemplates templates = new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName());
        templates.add(new ConnectionTemplate(connectionId, OS, "profile-12", "12", "Debian 12 (Bookworm)", null, 10,
                List.of(), false, Instant.now(), null));
        templates.add(new ConnectionTemplate(connectionId, OTHER_OS, "profile-13", "13", "Ubuntu 24.04 (Noble Numbat)",
                "Ubuntu 24.04 LTS", 20, List.of(), false, Instant.now(), null));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("matchTags", List.of("forRent", BenchmarkStock.TAG));
        settings.put("excludeTags", List.of("maintenance"));
        settings.put("roleId", 3);
        settings.put("installDeadline", "PT10M");
        settings.put("stockDeadline", "PT10M");
        settings.put("pollInterval", pollInterval.toString());
        settings.put("stockRetry", stockRetry.toString());
        if (lifecycle != null) {
            settings.put("lifecycle", lifecycle);
        }
        new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).saveProduct(new Product(productId,
                "Benchmark dedicated server", "seeded by the benchmark's " + phase + " phase", ServiceType.DEDICATED,
                TenantOsSimulator.BACKEND, connectionId, department,
                List.of(),
                List.of(new IntegerOption("ipv4", "IPv4 addresses", 1, 4, 1, 1, null),
                        new ChoiceOption("bandwidthTb", "Traffic", List.of(new ChoiceOption.Choice("10", null, null),
                                new ChoiceOption.Choice("20", null, null)), null)),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 9900)), settings));
        return productId;
    }

    /** The runtime's TenantOS simulator. */
    public static TenantOsSimulator simulator(LocalRuntime runtime) {
        return runtime.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
    }

    /**
     * Places {@code count} orders of the {@link #seedProduct TenantOS product}, {@code ipv4} addresses and 10 TB each,
     * each by a new customer, with the clients.
     */
    public List<PlacedOrder> place(String productId, int ipv4, String run, int count) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("ipv4", ipv4);
        options.put("bandwidthTb", 10);
        return place(productId, options, run, count);
    }

    /**
     * Places {@code count} orders of any product with the same order options ({@code "options"} of
     * {@code POST /v1/orders}), each by a new customer, with the clients.
     */
    public List<PlacedOrder> place(String productId, Map<String, Object> options, String run, int count) {
        PlacedOrder[] placed = new PlacedOrder[count];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + PLACE_TIMEOUT.toNanos();
        URI orders = runtime.apiUri().resolve("/v1/orders");
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            for (int c = 0; c < concurrency; c++) {
                clients.execute(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        placed[n] = placeOne(orders, productId, options, run, n);
                    }
                });
            }
        }
        List<PlacedOrder> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(placed[n] != null ? placed[n] : new PlacedOrder(n, null, null, null, null, null, 0, null,
                    "not sent: the " + PLACE_TIMEOUT.toSeconds() + " s for placing orders ran out", null));
        }
        return out;
    }

    private PlacedOrder placeOne(URI orders, String productId, Map<String, Object> options, String run, int n) {
        String customer = "bench-" + run + "-" + n;
        String email = customer + "@example.test";
        String token = runtime.jwt().issue(customer, email, null, Duration.ofHours(1));
        String hostname = "srv" + n + "." + run + ".bench.example.test";
        String body = MAPPER.createObjectNode()
                .put("productId", productId).put("billingCycle", "monthly").put("hostname", hostname)
                .put("os", OS)
                .set("options", MAPPER.valueToTree(options))
                .toString();
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + run + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Instant answered = Instant.now();
            if (response.statusCode() != 202) {
                return new PlacedOrder(n, hostname, customer, token, sent, null, response.statusCode(), null,
                        response.body(), null);
            }
            JsonNode json = MAPPER.readTree(response.body());
            return new PlacedOrder(n, hostname, customer, token, sent, answered, 202,
                    json.path("serviceId").asText(null), null, null);
        } catch (IOException e) {
            return new PlacedOrder(n, hostname, customer, token, sent, null, 0, null, "no answer: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlacedOrder(n, hostname, customer, token, sent, null, 0, null, "interrupted", null);
        }
    }

    /** The services' last statuses as watched, and when the last of them changed. */
    public record Settled(Map<String, ServiceStatus> statuses, boolean all, long lastChange) {
        public int count(ServiceStatus status) {
            return (int) statuses.values().stream().filter(status::equals).count();
        }
    }

    /** Watches the accepted orders' services until each is ACTIVE or FAILED, or the timeout passes. */
    public Settled settle(List<PlacedOrder> placed, Duration timeout, String batch) {
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(runtime.aws().dynamoDb(),
                runtime.aws().tableName());
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        placed.stream().filter(PlacedOrder::accepted).forEach(o -> statuses.put(o.serviceId(), ServiceStatus.PENDING));
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastChange = started;
        long lastReport = started;
        while (true) {
            for (Map.Entry<String, ServiceStatus> entry : statuses.entrySet()) {
                if (provisioned(entry.getValue().name())) {
                    continue;
                }
                Service service = services.findService(entry.getKey()).orElse(null);
                if (service != null && service.status() != entry.getValue()) {
                    entry.setValue(service.status());
                    lastChange = System.nanoTime();
                }
                if (service != null) {
                    reasons.put(entry.getKey(), String.valueOf(service.statusReason()));
                }
            }
            boolean all = statuses.values().stream().allMatch(s -> provisioned(s.name()));
            long now = System.nanoTime();
            if (all || now > deadline) {
                return new Settled(statuses, all, all ? lastChange : now);
            }
            if (now - lastReport > Duration.ofSeconds(5).toNanos()) {
                lastReport = now;
                Map<String, Long> byStatus = statuses.values().stream()
                        .collect(Collectors.groupingBy(ServiceStatus::name, TreeMap::new, Collectors.counting()));
                long waiting = reasons.values().stream().filter(r -> r.startsWith("waiting for stock")).count();
                progress.printf(Locale.ROOT, "  [%s %3.0f s] %s%s%n", batch, (now - started) / 1e9, byStatus,
                        waiting > 0 ? ", " + waiting + " waiting for stock" : "");
            }
            try {
                Thread.sleep(WATCH_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Settled(statuses, false, System.nanoTime());
            }
        }
    }

    /** Every accepted order with its service as {@code GET /v1/services/{id}} answers for its customer. */
    public List<PlacedOrder> readServices(List<PlacedOrder> placed) {
        try (ExecutorService readers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<PlacedOrder>> reads = new ArrayList<>();
            for (PlacedOrder order : placed) {
                reads.add(readers.submit(() -> order.accepted() ? order.withService(service(order)) : order));
            }
            List<PlacedOrder> out = new ArrayList<>();
            for (Future<PlacedOrder> read : reads) {
                out.add(read.get(REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("reading the services failed: " + e, e);
        }
    }

    private JsonNode service(PlacedOrder order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(runtime.apiUri().resolve("/v1/services/" + order.serviceId()))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + order.token())
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/services/" + order.serviceId() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    /** Where provisioning ends: ACTIVE or FAILED. */
    static boolean provisioned(String status) {
        return status.equals("ACTIVE") || status.equals("FAILED");
    }
}
