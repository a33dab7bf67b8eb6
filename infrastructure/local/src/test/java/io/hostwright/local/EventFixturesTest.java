package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Feeds every sample in {@code events/} to the function its name points at (see events/README.md), through the
 * same JSON conversion Lambda applies, against the emulators and the demo catalog.
 */
@ExtendWith(LocalAwsExtension.class)
class EventFixturesTest {

    /**
     * API samples and the status their handler answers on the demo catalog (the samples' order and service ids cannot
     * exist). events/README.md says the same for people.
     */
    private static final Map<String, Integer> API_STATUS = Map.ofEntries(
            Map.entry("api-get-catalog-products.json", 200),
            Map.entry("api-get-catalog-product.json", 200),
            Map.entry("api-post-order.json", 202),
            Map.entry("api-get-order.json", 404),
            Map.entry("api-get-services.json", 200),
            Map.entry("api-get-service.json", 404),
            Map.entry("api-post-admin-suspend.json", 404),
            Map.entry("api-post-admin-renewal.json", 404),
            Map.entry("api-get-admin-licences.json", 200),
            Map.entry("api-post-service-power.json", 404),
            Map.entry("api-get-admin-templates.json", 200),
            Map.entry("api-post-admin-sync.json", 202));

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @TestFactory
    Stream<DynamicTest> everySampleEventRunsOnItsHandler() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(eventsDirectory())) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).as("samples in events/").isNotEmpty();
        return samples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private void run(Path file) throws IOException {
        String name = file.getFileName().toString();
        String json = Files.readString(file);
        JsonNode event = Json.read(json, JsonNode.class);
        FunctionSpec target = targetOf(name, event);
        LocalFunction function = runtime.functions().stream().filter(f -> f.name().equals(target.name()))
                .findFirst().orElseThrow();
        JsonNode result = Json.read(function.invokeJson(json), JsonNode.class);

        if (name.startsWith("api-")) {
            assertThat(API_STATUS).as("expected status for %s", name).containsKey(name);
            assertThat(result.get("statusCode").asInt()).as(result.toString()).isEqualTo(API_STATUS.get(name));
        } else if (name.startsWith("sqs-")) {
            assertThat(result.get("batchItemFailures")).as(result.toString()).isEmpty();
        } else if (name.equals("event-mail-sent.json")) {
            assertThat(result.asText()).as("the sample names a Hostwright mail").isIn("RECORDED", "ALREADY_KNOWN");
        }
    }

    private static FunctionSpec targetOf(String name, JsonNode event) {
        if (name.startsWith("api-")) {
            String routeKey = event.get("routeKey").asText();
            return Manifest.FUNCTIONS.stream()
                    .filter(f -> f.trigger() instanceof Trigger.HttpApi api
                            && api.routes().stream().anyMatch(r -> r.routeKey().equals(routeKey)))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no function serves " + routeKey));
        }
        if (name.startsWith("sqs-")) {
            return Manifest.QUEUES.stream()
                    .filter(q -> name.startsWith("sqs-" + q.name() + "-"))
                    .flatMap(q -> Manifest.consumerOf(q.name()).stream())
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no consumer for its queue"));
        }
        if (name.startsWith("scheduled-")) {
            String function = name.substring("scheduled-".length(), name.length() - ".json".length());
            return Manifest.function(function)
                    .filter(f -> f.trigger() instanceof Trigger.Schedule)
                    .orElseThrow(() -> new AssertionError(name + ": no scheduled function " + function));
        }
        if (name.startsWith("event-")) {
            String function = name.substring("event-".length(), name.length() - ".json".length());
            return Manifest.function(function)
                    .filter(f -> f.trigger() instanceof Trigger.Events events && events.matches(
                            event.path("source").asText(), event.path("detail-type").asText()))
                    .orElseThrow(() -> new AssertionError(name + ": no function takes its source and detail type"));
        }
        return fail(name + " does not follow the naming in events/README.md");
    }

    private static Path eventsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md")) && Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
    }
}
