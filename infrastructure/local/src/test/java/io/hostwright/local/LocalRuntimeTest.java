package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.Product;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.function.HandlerFactory;
import io.hostwright.local.seed.CatalogSeedFile;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime in-process on the shared emulators with test functions built by reflection from the manifest-like
 * list: environment, seeding, queue trigger, schedules run on demand and the mail store, over real HTTP.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalRuntimeTest {

    private static final Path SEED = Path.of("seed/catalog.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<FunctionSpec> FUNCTIONS = List.of(
            function("env-api", TestHandlers.EnvironmentApi.class,
                    new Trigger.HttpApi(List.of(HttpRoute.get("/v1/env", Access.PUBLIC))), Set.of(Manifest.MAIL_QUEUE)),
            function("tick", TestHandlers.Tick.class, new Trigger.Schedule("rate(1 day)", "daily tick"), Set.of()),
            function("map-tick", TestHandlers.MapTick.class, new Trigger.Schedule("cron(0 3 * * ? *)", "nightly"), Set.of()),
            function("failing-tick", TestHandlers.FailingTick.class, new Trigger.Schedule("rate(1 hour)", "fails"), Set.of()),
            function("mail-consumer", TestHandlers.MailConsumer.class,
                    new Trigger.Queue(Manifest.MAIL_QUEUE, 10, Duration.ZERO, 2), Set.of()));

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        aws.purgeQueues();
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts().withSeedFile(SEED)
                .withFunctions(FUNCTIONS, HandlerFactory.reflective()), aws);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void seedsTheCatalogIntoTheTable(LocalAws aws) {
        List<String> seeded = CatalogSeedFile.read(SEED).stream().map(Product::productId).toList();

        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).listProducts())
                .extracting(Product::productId).containsAll(seeded);
        assertThat(runtime.seededProducts()).extracting(Product::productId).containsExactlyElementsOf(seeded);
    }

    @Test
    void givesEachFunctionTheEnvironmentLambdaWould(LocalAws aws) throws Exception {
        JsonNode body = json(send(HttpRequest.newBuilder(runtime.apiUri().resolve("/v1/env")).build()), 200);

        assertThat(body.path("table").asText()).isEqualTo(aws.tableName());
        assertThat(body.path("mailQueueUrl").asText()).isEqualTo(aws.queueUrl(Manifest.MAIL_QUEUE));
        // the build's own POWERTOOLS_SERVICE_NAME wins, as a variable does over a property: the runtime warns
        assertThat(body.path("serviceName").asText())
                .isEqualTo(System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "env-api"));
        assertThat(body.path("products").toString()).contains("ded-e2388g");
    }

    @Test
    void feedsQueueMessagesToTheirFunction(LocalAws aws) {
        String body = "{\"mail\":\"" + UUID.randomUUID() + "\"}";
        aws.sqs().sendMessage(s -> s.queueUrl(aws.queueUrl(Manifest.MAIL_QUEUE)).messageBody(body));

        Eventually.await("the mail consumer got the message", Duration.ofSeconds(10),
                () -> TestHandlers.MailConsumer.BODIES.contains(body));
    }

    @Test
    void runsAScheduleNowAndSaysWhatHappened() throws Exception {
        JsonNode run = json(post("/local/schedules/tick/run"), 200);

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("cause").asText()).isEqualTo("manual");
        assertThat(run.path("result").path("source").asText()).isEqualTo("aws.events");
        assertThat(run.path("result").path("detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(run.path("result").path("resources").path(0).asText())
                .isEqualTo("arn:aws:events:eu-west-1:000000000000:rule/hostwright-tick-schedule");
        assertThat(runtime.scheduler().lastRun("tick")).get().extracting(r -> r.eventId())
                .isEqualTo(run.path("eventId").asText());
    }

    @Test
    void convertsTheScheduledEventForHandlersTakingAMap() throws Exception {
        assertThat(json(post("/local/schedules/map-tick/run"), 200).path("result").asText())
                .isEqualTo("aws.events/Scheduled Event");
    }

    @Test
    void reportsAFailedScheduledRun() throws Exception {
        JsonNode run = json(post("/local/schedules/failing-tick/run"), 500);

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("could not reach the table");
    }

    @Test
    void listsSchedulesAndRefusesUnknownOnes() throws Exception {
        JsonNode schedules = json(send(HttpRequest.newBuilder(runtime.apiUri().resolve("/local/schedules")).build()), 200);

        assertThat(schedules.findValuesAsText("function")).containsExactly("tick", "map-tick", "failing-tick");
        assertThat(schedules.path(1).path("nextRunAt").asText()).endsWith("T03:00:00Z");
        assertThat(post("/local/schedules/env-api/run").statusCode()).isEqualTo(404);
    }

    @Test
    void showsTheMailTheSesEmulatorHolds(LocalAws aws) throws Exception {
        String recipient = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        aws.ses().sendEmail(e -> e.fromEmailAddress(LocalAws.MAIL_FROM)
                .destination(d -> d.toAddresses(recipient))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Your server is ready"))
                        .body(b -> b.text(t -> t.data("Root password: hunter2"))))));

        JsonNode mails = json(send(HttpRequest.newBuilder(runtime.apiUri().resolve("/local/emails?to=" + recipient)).build()), 200);

        assertThat(mails).hasSize(1);
        assertThat(mails.path(0).path("subject").asText()).isEqualTo("Your server is ready");
        assertThat(mails.path(0).path("to").path(0).asText()).isEqualTo(recipient);
    }

    @Test
    void refusesASecondRuntimeInTheSameJvm(LocalAws aws) {
        assertThatThrownBy(() -> LocalRuntime.start(LocalRuntime.Settings.onFreePorts()
                .withFunctions(FUNCTIONS, HandlerFactory.reflective()), aws))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already runs");
    }

    private static HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(runtime.apiUri().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return Json.MAPPER.readTree(response.body());
    }

    private static FunctionSpec function(String name, Class<?> handler, Trigger trigger, Set<String> sendsTo) {
        return new FunctionSpec(name, "test", handler.getName(), 256, Duration.ofSeconds(10), trigger,
                TableAccess.READ, sendsTo, false, Map.of());
    }
}
