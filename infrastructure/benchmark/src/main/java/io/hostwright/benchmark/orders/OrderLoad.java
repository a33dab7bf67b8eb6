package io.hostwright.benchmark.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.Queues;
import io.hostwright.domain.catalog.Product;
import io.hostwright.lambda.aws.AwsCallCounter;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Manifest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Order acceptance through the laptop runtime, started in this JVM as end-to-end tests start it: tokens from
 * {@code POST /local/token}, then {@code POST /v1/orders} over HTTP from a fixed number of concurrent clients. A
 * warm-up batch first (it also builds the extra handler instances concurrency needs), reported apart; then the
 * measured batch. AWS calls are the functions' own SDK calls ({@link AwsCallCounter}), counted over the measured
 * window and again once the mailer has worked off the mail those orders queued.
 */
public final class OrderLoad {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Everything the order benchmark measured. */
    public record Result(Duration runtimeStartup, String product, int concurrency, BatchResult warmup,
                         BatchResult measured, int handlerInstances, Map<String, Long> callsDuringWindow,
                         Map<String, Long> callsAfterDrain, Duration drainTime, boolean drained) {
    }

    private final Options options;
    private final PrintStream progress;

    public OrderLoad(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        progress.println("orders: starting the laptop runtime (emulators, demo catalog, every function, gateway)...");
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts())) {
            progress.printf(Locale.ROOT, "orders: runtime up in %.1f s on %s%n",
                    runtime.startupTime().toMillis() / 1000.0, runtime.apiUri());
            Product product = runtime.seededProducts().stream().findFirst().orElseThrow(() ->
                    new IllegalStateException("the laptop runtime seeded no catalog (infrastructure/local/seed/catalog.json)"));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            List<String> tokens = new ArrayList<>();
            for (int client = 0; client < options.concurrency(); client++) {
                tokens.add(token(http, runtime.apiUri(), client));
            }
            OrderBatch batch = new OrderBatch(http, runtime.apiUri().resolve("/v1/orders"), tokens, OrderBody.of(product));
            String run = UUID.randomUUID().toString().substring(0, 8);

            BatchResult warmup = batch.place("bench-" + run + "-warmup", options.warmup(), options.loadTimeout());
            progress.printf(Locale.ROOT, "orders: warm-up %d orders, %d accepted in %.1f s; waiting for the mail queue to drain%n",
                    warmup.requested(), warmup.accepted(), warmup.wallMs() / 1000.0);
            drainMail(runtime);

            AwsCallCounter.INSTANCE.reset();
            progress.printf(Locale.ROOT, "orders: placing %d orders with %d clients...%n", options.orders(), options.concurrency());
            BatchResult measured = batch.place("bench-" + run, options.orders(), options.loadTimeout());
            Map<String, Long> duringWindow = AwsCallCounter.INSTANCE.snapshot();
            progress.printf(Locale.ROOT, "orders: %d accepted in %.1f s; waiting for the mailer to send their mail%n",
                    measured.accepted(), measured.wallMs() / 1000.0);
            long drainStarted = System.nanoTime();
            boolean drained = drainMail(runtime);
            Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStarted);
            Map<String, Long> afterDrain = AwsCallCounter.INSTANCE.snapshot();

            int instances = runtime.functions().stream()
                    .filter(f -> f.name().equals("order-acceptance"))
                    .mapToInt(LocalFunction::instances).findFirst().orElse(0);
            return new Result(runtime.startupTime(), product.productId(), options.concurrency(), warmup, measured,
                    instances, duringWindow, afterDrain, drainTime, drained);
        }
    }

    private static String token(HttpClient http, URI api, int client) {
        String body = MAPPER.createObjectNode()
                .put("sub", "bench-customer-" + client)
                .put("email", "bench-customer-" + client + "@example.test")
                .put("ttlSeconds", 3600)
                .toString();
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/local/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = MAPPER.readTree(response.body());
            if (response.statusCode() != 200 || !json.path("token").isTextual()) {
                throw new IllegalStateException("POST /local/token answered " + response.statusCode() + ": " + response.body());
            }
            return json.get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("POST /local/token failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean drainMail(LocalRuntime runtime) {
        return Queues.awaitEmpty(runtime, DRAIN_TIMEOUT, Manifest.MAIL_QUEUE);
    }
}
