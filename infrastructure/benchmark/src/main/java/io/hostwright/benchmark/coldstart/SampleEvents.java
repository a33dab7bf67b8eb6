package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.emulators.LocalAws;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks each function's sample event by trigger, from {@code events/} as named in its README: an API function gets
 * the {@code api-*.json} of its first route that has one, a queue consumer the first {@code sqs-<queue>-*.json}, a
 * scheduled function {@code scheduled-<function>.json}, a function of EventBridge events {@code event-<function>.json}. When none exists a minimal event is built here, and says so.
 */
public final class SampleEvents {

    public static final String API_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
    public static final String SQS_EVENT = "com.amazonaws.services.lambda.runtime.events.SQSEvent";
    public static final String SCHEDULED_EVENT = "com.amazonaws.services.lambda.runtime.events.ScheduledEvent";

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Path root;
    private final Path events;
    private final Product fallbackProduct;

    /** @param fallbackProduct what an order built here orders */
    public SampleEvents(Path root, Product fallbackProduct) {
        this.root = root;
        this.events = root.resolve("events");
        this.fallbackProduct = fallbackProduct;
    }

    public SampleEvent forFunction(FunctionSpec function) {
        return switch (function.trigger()) {
            case Trigger.HttpApi api -> api.routes().stream()
                    .flatMap(route -> apiFile(route).stream())
                    .findFirst()
                    .map(file -> SampleEvent.fromFile(API_EVENT, file, root))
                    .orElseGet(() -> builtIn(API_EVENT, apiEvent(api.routes().getFirst())));
            case Trigger.Queue queue -> files("sqs-" + queue.queue() + "-").stream().findFirst()
                    .map(file -> SampleEvent.fromFile(SQS_EVENT, file, root))
                    .orElseGet(() -> builtIn(SQS_EVENT, sqsEvent(queue.queue())));
            case Trigger.Schedule ignored -> Optional.of(events.resolve("scheduled-" + function.name() + ".json"))
                    .filter(Files::isRegularFile)
                    .map(file -> SampleEvent.fromFile(SCHEDULED_EVENT, file, root))
                    .orElseGet(() -> builtIn(SCHEDULED_EVENT, scheduledEvent(function.name())));
            case Trigger.Events ignored -> Optional.of(events.resolve("event-" + function.name() + ".json"))
                    .filter(Files::isRegularFile)
                    .map(file -> SampleEvent.fromFile(SCHEDULED_EVENT, file, root))
                    .orElseGet(() -> builtIn(SCHEDULED_EVENT, scheduledEvent(function.name())));
        };
    }

    /** The bare handler takes any scheduled event as a map: the smallest sample there is. */
    public SampleEvent forBareHandler() {
        return files("scheduled-").stream().findFirst()
                .map(file -> SampleEvent.fromFile("java.util.Map", file, root))
                .orElseGet(() -> builtIn("java.util.Map", scheduledEvent("bare")));
    }

    private Optional<Path> apiFile(HttpRoute route) {
        return files("api-").stream()
                .filter(file -> route.routeKey().equals(readQuietly(file).path("routeKey").asText()))
                .findFirst();
    }

    private List<Path> files(String prefix) {
        if (!Files.isDirectory(events)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(events)) {
            return list.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + events, e);
        }
    }

    private static JsonNode readQuietly(Path file) {
        try {
            return SampleEvent.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return SampleEvent.MAPPER.createObjectNode();
        }
    }

    private static SampleEvent builtIn(String type, ObjectNode json) {
        return new SampleEvent(type, "built in code (no events/ file)", true, json);
    }

    /** API Gateway HTTP API payload 2.0, with the authorizer's claims when the route needs a token. */
    ObjectNode apiEvent(HttpRoute route) {
        ObjectNode event = SampleEvent.MAPPER.createObjectNode();
        String path = route.path().replaceAll("\\{[^}]+}", "sample");
        event.put("version", "2.0").put("routeKey", route.routeKey()).put("rawPath", path).put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers").put("accept", "application/json").put("content-type", "application/json");
        ObjectNode context = event.putObject("requestContext");
        context.putObject("http").put("method", route.method()).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "hostwright-benchmark");
        context.put("requestId", UUID.randomUUID().toString()).put("routeKey", route.routeKey())
                .put("stage", "$default").put("timeEpoch", System.currentTimeMillis());
        if (route.access().needsToken()) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.putObject("claims").put("sub", "benchmark-customer").put("email", "benchmark@example.test");
            if (route.access().requiredScope() != null) {
                jwt.putArray("scopes").add(route.access().requiredScope());
            } else {
                jwt.putNull("scopes");
            }
        }
        List<String> names = PATH_PARAMETER.matcher(route.path()).results().map(m -> m.group(1)).toList();
        if (!names.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            names.forEach(name -> parameters.put(name, name.equals("productId") ? fallbackProduct.productId() : "sample"));
        }
        if (route.routeKey().equals("POST /v1/orders")) {
            headers.put("idempotency-key", "benchmark-order");
            BillingCycle cycle = fallbackProduct.prices().keySet().stream().sorted().findFirst().orElseThrow();
            ObjectNode body = SampleEvent.MAPPER.createObjectNode()
                    .put("productId", fallbackProduct.productId()).put("billingCycle", cycle.code())
                    .put("hostname", "coldstart.example.test").put("os", fallbackProduct.osTemplates().getFirst().id());
            event.put("body", body.toString());
        } else if (route.method().equals("POST")) {
            event.put("body", "{}");
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    static ObjectNode sqsEvent(String queue) {
        ObjectNode event = SampleEvent.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        records.addObject()
                .put("messageId", UUID.randomUUID().toString())
                .put("receiptHandle", "benchmark-receipt-handle")
                .put("body", "{}")
                .put("md5OfBody", "99914b932bd37a50b983c5e7c90ae93b")
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:" + LocalAws.REGION + ":000000000000:" + queue)
                .put("awsRegion", LocalAws.REGION)
                .putObject("attributes").put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", String.valueOf(System.currentTimeMillis()));
        return event;
    }

    static ObjectNode scheduledEvent(String function) {
        ObjectNode event = SampleEvent.MAPPER.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", "Scheduled Event")
                .put("source", "aws.events").put("account", "000000000000")
                .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", LocalAws.REGION);
        event.putArray("resources").add("arn:aws:events:" + LocalAws.REGION + ":000000000000:rule/" + function);
        event.putObject("detail");
        return event;
    }
}
