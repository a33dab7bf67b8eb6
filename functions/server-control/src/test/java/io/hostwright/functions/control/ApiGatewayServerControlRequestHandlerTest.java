package io.hostwright.functions.control;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.control.UsageResolution;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationCommand;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbActionLocks;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A customer's routes through {@link ServerControlWiring#of} on DynamoDB Local and ElasticMQ, with two fake
 * back-ends: {@code fake-control} has client functions (an {@link InMemoryServerControl}) and plans reinstalls;
 * {@code fake-lifecycle-only} has no client functions. Answers are checked against the OpenAPI schemas' required
 * fields.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayServerControlRequestHandlerTest {

    private static final String WITH_CONTROL = "fake-control";
    private static final String WITHOUT_CONTROL = "fake-lifecycle-only";
    private static JsonNode openApi;

    private LocalAws aws;
    private InMemoryServerControl server;
    private ServerControlWiring wiring;
    private ApiGatewayServerControlRequestHandler handler;
    private DynamoDbOperationRepository operations;
    private DynamoDbOrderRepository orders;
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final String productId = "ctl-" + UUID.randomUUID();

    @BeforeAll
    static void loadOpenApi() throws Exception {
        try (InputStream in = ApiGatewayServerControlRequestHandlerTest.class.getResourceAsStream("/openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        Clock clock = Clock.systemUTC();
        String table = aws.tableName();
        server = new InMemoryServerControl();
        wiring = ServerControlWiring.of(aws.dynamoDb(), table,
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                secretRef -> { throw new AssertionError("no connection is used here"); },
                List.of(new FakeBackend(WITH_CONTROL, null, FakeBackend.planningEverything(), server).factory(),
                        new FakeBackend(WITHOUT_CONTROL, null, FakeBackend.planningEverything(), null).factory()), clock);
        handler = new ApiGatewayServerControlRequestHandler(wiring.control(), wiring.requests(), wiring.queries());
        operations = new DynamoDbOperationRepository(aws.dynamoDb(), table);
        orders = new DynamoDbOrderRepository(aws.dynamoDb(), table, clock);
        new DynamoDbCatalogRepository(aws.dynamoDb(), table)
                .saveProduct(Samples.dedicated(productId, WITH_CONTROL, "conn-1", Map.of()));
        aws.purgeQueues();
    }

    /** A service of {@code customer} on {@code backend}, stored as an accepted order stores it. */
    private Service service(String customer, String backend, ServiceStatus status) {
        Product product = Samples.dedicated(productId, backend, "conn-1", Map.of());
        Service service = Samples.service("svc_" + UUID.randomUUID(), customer, product, status);
        Order order = new Order(service.orderId(), service.serviceId(), customer, service.customerEmail(), productId,
                product.name(), backend, BillingCycle.MONTHLY, product.prices().get(BillingCycle.MONTHLY),
                service.hostname(), service.osTemplateId(), service.options(), service.createdAt(),
                service.createdAt());
        orders.place(new IdempotencyRecord(customer, "k-" + service.serviceId(), "fp", order.orderId(),
                service.serviceId(), service.createdAt(), service.createdAt().plus(Duration.ofDays(3650))),
                order, service);
        return service;
    }

    private Service alicesServer() {
        return service(alice, WITH_CONTROL, ServiceStatus.ACTIVE);
    }

    private record Call(String routeKey, Map<String, String> path, Map<String, String> query, String body,
                        String key) {
    }

    private static Call call(String routeKey, String serviceId) {
        return new Call(routeKey, Map.of("serviceId", serviceId), null, null, null);
    }

    private static Call post(String action, String serviceId, String body, String key) {
        return new Call("POST /v1/services/{serviceId}/" + action, Map.of("serviceId", serviceId), null, body, key);
    }

    private static Call reverseDns(String serviceId, String ip, String hostname, String key) {
        return new Call("PUT /v1/services/{serviceId}/ips/{ip}/reverse-dns", Map.of("serviceId", serviceId, "ip", ip),
                null, hostname == null ? null : "{\"hostname\": \"" + hostname + "\"}", key);
    }

    private static Call usage(String serviceId, Map<String, String> query) {
        return new Call("GET /v1/services/{serviceId}/usage", Map.of("serviceId", serviceId), query, null, null);
    }

    private static Call operation(String serviceId, String operationId) {
        return new Call("GET /v1/services/{serviceId}/operations/{operationId}",
                Map.of("serviceId", serviceId, "operationId", operationId), null, null, null);
    }

    private APIGatewayV2HTTPResponse as(String customer, Call call) {
        String path = call.routeKey().substring(call.routeKey().indexOf(' ') + 1);
        for (Map.Entry<String, String> p : call.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (call.key() != null) {
            headers.put("idempotency-key", call.key());
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(call.routeKey()).withRawPath(path).withPathParameters(call.path())
                .withQueryStringParameters(call.query()).withHeaders(headers).withBody(call.body())
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", customer, "email", customer + "@example.test"))
                                        .withScopes(List.of()).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("server-control"));
    }

    private APIGatewayV2HTTPResponse asAlice(Call call) {
        return as(alice, call);
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    /** The body, after checking the status and that it has every field the OpenAPI schema requires. */
    private static JsonNode body(APIGatewayV2HTTPResponse response, int status, String schema) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode json = Json.read(response.getBody(), JsonNode.class);
        for (JsonNode required : openApi.at("/components/schemas/" + schema + "/required")) {
            assertThat(json.has(required.asText())).as("%s has %s", schema, required.asText()).isTrue();
        }
        return json;
    }

    private static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        JsonNode problem = body(response, status, "Problem");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        }
        return problem;
    }

    private List<Message> drainLifecycle() {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(Manifest.LIFECYCLE_QUEUE))
                    .maxNumberOfMessages(10)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** Messages on the lifecycle queue, visible or not; ElasticMQ's counts are exact. */
    private int lifecycleDepth() {
        return aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl(Manifest.LIFECYCLE_QUEUE))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void serverInfoIsWhatTheBackEndReportsInTheRequestsWords() {
        Service service = alicesServer();

        JsonNode info = body(asAlice(call("GET /v1/services/{serviceId}/server", service.serviceId())), 200,
                "ServerInfo");

        assertThat(info.get("serviceId").asText()).isEqualTo(service.serviceId());
        assertThat(info.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(info.get("hostname").asText()).isEqualTo(service.hostname());
        assertThat(info.get("mainIp").asText()).isEqualTo(InMemoryServerControl.MAIN_IP);
        assertThat(info.get("additionalIps").get(0).asText()).isEqualTo(InMemoryServerControl.EXTRA_IP);
        assertThat(info.at("/hardware/memoryMb").asLong()).isEqualTo(65_536);
        assertThat(info.get("power").asText()).isEqualTo("on");
        assertThat(info.get("powerCommands").toString()).isEqualTo("[\"on\",\"off\",\"reset\"]");
        assertThat(info.get("rescue").asBoolean()).isFalse();
        assertThat(server.calls("info")).isEqualTo(1);
    }

    @Test
    void powerNeedsAnIdempotencyKeyAndAReplayAnswersTheSameWithoutActingAgain() {
        Service service = alicesServer();

        assertProblem(asAlice(post("power", service.serviceId(), "{\"action\": \"off\"}", null)), 400,
                "Idempotency-Key");
        assertThat(server.calls("power")).isZero();

        String key = key();
        APIGatewayV2HTTPResponse first = asAlice(post("power", service.serviceId(), "{\"action\": \"OFF\"}", key));
        APIGatewayV2HTTPResponse again = asAlice(post("power", service.serviceId(), "{\"action\": \"OFF\"}", key));

        JsonNode power = body(first, 200, "PowerState");
        assertThat(power.get("serviceId").asText()).isEqualTo(service.serviceId());
        assertThat(power.get("power").asText()).isEqualTo("off");
        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(body(again, 200, "PowerState")).isEqualTo(power);
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(server.calls("power")).isEqualTo(1);
        assertThat(new DynamoDbActionAnswers(aws.dynamoDb(), aws.tableName()).find("customer:" + alice, key))
                .isPresent();
        // the action's lock was let go: the next action goes through
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(service.serviceId())).isEmpty();

        assertProblem(asAlice(post("power", service.serviceId(), "{\"action\": \"on\"}", key)), 422,
                "Idempotency-Key");
        assertThat(server.calls("power")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown command   | action | {"action": "hibernate"}
            no command        | action | {}
            unknown field     | force  | {"action": "off", "force": true}
            malformed JSON    | body   | {"action": "off"
            """)
    void badPowerRequestsAre400NamingTheField(String name, String field, String body) {
        Service service = alicesServer();

        assertProblem(asAlice(post("power", service.serviceId(), body, key())), 400, field);
        assertThat(server.totalCalls()).isZero();
    }

    @Test
    void reinstallIsAcceptedAsAnOperationOnTheLifecycleQueueAndHoldsTheServer() {
        Service service = alicesServer();

        APIGatewayV2HTTPResponse response = asAlice(post("reinstall", service.serviceId(),
                "{\"osTemplateId\": \"ubuntu-24.04\"}", key()));

        JsonNode accepted = body(response, 202, "Operation");
        String operationId = accepted.get("operationId").asText();
        assertThat(response.getHeaders()).containsEntry("Location",
                "/v1/services/" + service.serviceId() + "/operations/" + operationId);
        assertThat(accepted.get("kind").asText()).isEqualTo("reinstall");
        assertThat(accepted.get("requestedBy").asText()).as("customers never see the stored scope")
                .isEqualTo("customer");
        assertThat(operations.find(service.serviceId(), operationId)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(OperationStatus.QUEUED);
            assertThat(o.requestedBy()).isEqualTo("customer:" + alice);
            assertThat(o.parameters()).isEqualTo(Map.of("osTemplateId", "ubuntu-24.04", "osName", "Ubuntu 24.04"));
        });
        assertThat(drainLifecycle()).singleElement().satisfies(m -> {
            JsonNode message = Json.read(m.body(), JsonNode.class);
            assertThat(message.get("operationId").asText()).isEqualTo(operationId);
            assertThat(message.get("backend").asText()).isEqualTo(WITH_CONTROL);
            assertThat(message.get("step").asText()).isEqualTo("begin");
        });
        JsonNode busy = assertProblem(asAlice(post("power", service.serviceId(), "{\"action\": \"off\"}", key())),
                409, "service");
        assertThat(busy.get("detail").asText()).contains("reinstall");
        assertThat(server.calls("power")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            OS not offered     | 400 | osTemplateId    | {"osTemplateId": "windows-95"} | true
            no OS              | 400 | osTemplateId    | {}                             | true
            unknown field      | 400 | colour          | {"osTemplateId": "debian-12", "colour": "red"} | true
            no key             | 400 | Idempotency-Key | {"osTemplateId": "debian-12"}  | false
            """)
    void badReinstallsAre400NamingTheFieldAndWriteNothing(String name, int status, String field, String body,
                                                          boolean withKey) {
        Service service = alicesServer();

        assertProblem(asAlice(post("reinstall", service.serviceId(), body, withKey ? key() : null)), status, field);

        assertThat(operations.list(service.serviceId())).isEmpty();
        assertThat(lifecycleDepth()).isZero();
    }

    @Test
    void theCustomerSeesWhetherACustomerOrStaffAskedButNeverWhichMemberOfStaff() {
        Service service = alicesServer();
        String reinstall = body(asAlice(post("reinstall", service.serviceId(), "{\"osTemplateId\": \"debian-12\"}",
                key())), 202, "Operation").get("operationId").asText();
        Service other = alicesServer();
        String staffSubject = "staff-carol-" + UUID.randomUUID();
        String suspension = wiring.requests().request(new OperationCommand(Caller.staff(staffSubject),
                other.serviceId(), OperationKind.SUSPEND, null, "unpaid", Map.of())).operation().operationId();

        JsonNode mine = body(asAlice(operation(service.serviceId(), reinstall)), 200, "Operation");
        APIGatewayV2HTTPResponse staffs = asAlice(operation(other.serviceId(), suspension));

        assertThat(mine.get("requestedBy").asText()).isEqualTo("customer");
        assertThat(mine.get("parameters").get("osTemplateId").asText()).isEqualTo("debian-12");
        assertThat(body(staffs, 200, "Operation").get("requestedBy").asText()).isEqualTo("staff");
        assertThat(staffs.getBody()).doesNotContain(staffSubject).doesNotContain(alice);
        assertThat(operations.find(other.serviceId(), suspension)).hasValueSatisfying(
                o -> assertThat(o.requestedBy()).isEqualTo("staff:" + staffSubject));
        assertProblem(asAlice(operation(service.serviceId(), suspension)), 404, null);
    }

    @Test
    void consoleGivesAFreshLinkValidForFiveMinutesEvenOnReplay() {
        Service service = alicesServer();
        String key = key();

        JsonNode link = body(asAlice(post("console", service.serviceId(), null, key)), 200, "ConsoleLink");
        APIGatewayV2HTTPResponse replay = asAlice(post("console", service.serviceId(), null, key));

        assertThat(link.get("url").asText()).startsWith("https://console.example.test/" + service.serviceId());
        assertThat(Instant.parse(link.get("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(30, ChronoUnit.SECONDS));
        assertThat(replay.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(body(replay, 200, "ConsoleLink").get("url")).isNotEqualTo(link.get("url"));
        assertThat(server.calls("console")).isEqualTo(2);
    }

    @Test
    void rescueShowsItsPasswordOnlyInTheAnswerThatStartedIt() {
        Service service = alicesServer();
        String key = key();

        APIGatewayV2HTTPResponse started = asAlice(post("rescue", service.serviceId(), "{\"action\": \"start\"}", key));
        APIGatewayV2HTTPResponse replay = asAlice(post("rescue", service.serviceId(), "{\"action\": \"start\"}", key));

        JsonNode rescue = body(started, 200, "RescueState");
        String password = rescue.get("rootPassword").asText();
        assertThat(rescue.get("rescue").asBoolean()).isTrue();
        assertThat(password).hasSize(20).isEqualTo(server.rescuePassword);
        JsonNode replayed = body(replay, 200, "RescueState");
        assertThat(replay.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(replayed.get("rescue").asBoolean()).isTrue();
        assertThat(replayed.has("rootPassword")).isFalse();
        assertThat(server.calls("startRescue")).isEqualTo(1);
        assertThat(new DynamoDbActionAnswers(aws.dynamoDb(), aws.tableName()).find("customer:" + alice, key))
                .hasValueSatisfying(answer -> assertThat(answer.toString()).doesNotContain(password));

        JsonNode stopped = body(asAlice(post("rescue", service.serviceId(), "{\"action\": \"stop\"}", key())), 200,
                "RescueState");
        assertThat(stopped.get("rescue").asBoolean()).isFalse();
        assertThat(stopped.has("rootPassword")).isFalse();
        assertProblem(asAlice(post("rescue", service.serviceId(), "{\"action\": \"reboot\"}", key())), 400, "action");
        assertThat(server.calls("stopRescue")).isEqualTo(1);
    }

    @Test
    void ipsAndReverseDns() {
        Service service = alicesServer();

        JsonNode set = body(asAlice(reverseDns(service.serviceId(), InMemoryServerControl.EXTRA_IP,
                " Web1.Example.COM ", key())), 200, "IpAddress");
        JsonNode ips = body(asAlice(call("GET /v1/services/{serviceId}/ips", service.serviceId())), 200, "IpList");

        assertThat(set.get("ip").asText()).isEqualTo(InMemoryServerControl.EXTRA_IP);
        assertThat(set.get("reverseDns").asText()).isEqualTo("web1.example.com");
        assertThat(server.reverseDnsOf(InMemoryServerControl.EXTRA_IP)).isEqualTo("web1.example.com");
        assertThat(ips.get("ips")).hasSize(2);
        assertThat(ips.at("/ips/0/ip").asText()).isEqualTo(InMemoryServerControl.MAIN_IP);
        assertThat(ips.at("/ips/0/primary").asBoolean()).isTrue();
        assertThat(ips.at("/ips/0").has("reverseDns")).isFalse();
        assertThat(ips.at("/ips/1/reverseDns").asText()).isEqualTo("web1.example.com");
        assertProblem(asAlice(reverseDns(service.serviceId(), "198.51.100.7", "a.example.com", key())), 404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-bad_host-", "203.0.113.10", "a..example.com", " "})
    void aBadReverseDnsNameIs400NamingHostnameAndIsNotSent(String hostname) {
        Service service = alicesServer();

        assertProblem(asAlice(reverseDns(service.serviceId(), InMemoryServerControl.MAIN_IP, hostname, key())), 400,
                "hostname");
        assertProblem(asAlice(reverseDns(service.serviceId(), InMemoryServerControl.MAIN_IP, null, key())), 400,
                "body");
        assertThat(server.totalCalls()).isZero();
    }

    /** Found by HostilePathParametersTest: any text as the address took the action lock and reached the back-end. */
    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10'", "not-an-ip", "203.0.113.256", "::g", "../../servers/1", "203.0.113.10 "})
    void aReverseDnsForSomethingThatIsNoAddressIs400NamingIpAndIsNotSent(String ip) {
        Service service = alicesServer();

        assertProblem(asAlice(reverseDns(service.serviceId(), ip, "a.example.com", key())), 400, "ip");
        assertThat(server.totalCalls()).isZero();
        assertProblem(asAlice(reverseDns(service.serviceId(), "2001:db8::1", "a.example.com", key())), 404, null);
    }

    @Test
    void usageIsASeriesAtTheResolutionAsked() {
        Service service = alicesServer();

        JsonNode usage = body(asAlice(usage(service.serviceId(), Map.of("resolution", "HOURLY"))), 200,
                "UsageSeries");

        assertThat(usage.get("resolution").asText()).isEqualTo("hourly");
        assertThat(server.usageResolution).isEqualTo(UsageResolution.HOURLY);
        assertThat(usage.get("points")).hasSize(2);
        assertThat(usage.get("totalBytesIn").asLong()).isEqualTo(400);
        assertThat(Duration.between(Instant.parse(usage.get("from").asText()), Instant.parse(usage.get("to").asText())))
                .isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"resolution, weekly", "resolution, ''", "from, yesterday", "to, 2026-13-01T00:00:00Z"})
    void badUsageQueriesAre400NamingTheParameter(String parameter, String value) {
        Service service = alicesServer();

        assertProblem(asAlice(usage(service.serviceId(), Map.of(parameter, value))), 400, parameter);
        assertThat(server.totalCalls()).isZero();
    }

    @Test
    void anotherCustomersServiceIs404OnEveryRouteAndNothingIsDone() {
        Service service = alicesServer();
        String operationId = body(asAlice(post("reinstall", service.serviceId(), "{\"osTemplateId\": \"debian-12\"}",
                key())), 202, "Operation").get("operationId").asText();
        aws.purgeQueues();
        String id = service.serviceId();

        for (Call call : List.of(
                call("GET /v1/services/{serviceId}/server", id),
                post("power", id, "{\"action\": \"off\"}", key()),
                post("reinstall", id, "{\"osTemplateId\": \"debian-12\"}", key()),
                operation(id, operationId),
                post("rescue", id, "{\"action\": \"start\"}", key()),
                post("console", id, null, key()),
                call("GET /v1/services/{serviceId}/ips", id),
                reverseDns(id, InMemoryServerControl.MAIN_IP, "b.example.com", key()),
                usage(id, null))) {
            APIGatewayV2HTTPResponse response = as(bob, call);
            assertThat(assertProblem(response, 404, null).get("detail").asText()).as(call.routeKey())
                    .contains(id).doesNotContain(alice);
        }
        assertThat(server.totalCalls()).isZero();
        assertThat(operations.list(id)).hasSize(1);
        assertThat(lifecycleDepth()).isZero();
    }

    @Test
    void aBackEndWithoutClientFunctionsIs409NamingTheBackEnd() {
        Service service = service(alice, WITHOUT_CONTROL, ServiceStatus.ACTIVE);
        String id = service.serviceId();

        for (Call call : List.of(
                call("GET /v1/services/{serviceId}/server", id),
                post("power", id, "{\"action\": \"off\"}", key()),
                post("rescue", id, "{\"action\": \"start\"}", key()),
                post("console", id, null, key()),
                call("GET /v1/services/{serviceId}/ips", id),
                reverseDns(id, InMemoryServerControl.MAIN_IP, "b.example.com", key()),
                usage(id, null))) {
            JsonNode problem = assertProblem(asAlice(call), 409, "backend");
            assertThat(problem.get("detail").asText()).as(call.routeKey())
                    .isEqualTo("client functions are not supported by the Fake " + WITHOUT_CONTROL + " back-end");
        }
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(id)).isEmpty();
    }

    @Test
    void aSuspendedServerCanBeReadButNotActedOn() {
        Service service = service(alice, WITH_CONTROL, ServiceStatus.SUSPENDED);

        body(asAlice(call("GET /v1/services/{serviceId}/server", service.serviceId())), 200, "ServerInfo");
        JsonNode refused = assertProblem(asAlice(post("power", service.serviceId(), "{\"action\": \"on\"}", key())),
                409, "status");

        assertThat(refused.get("detail").asText()).contains("SUSPENDED");
        assertThat(server.calls("power")).isZero();
    }
}
