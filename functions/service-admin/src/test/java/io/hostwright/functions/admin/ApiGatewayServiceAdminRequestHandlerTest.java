package io.hostwright.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.operation.AbandonOperation;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbActionLocks;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRenewals;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.domain.usage.BillingPeriod;
import io.hostwright.domain.usage.UsagePeriod;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.Price;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's routes on DynamoDB Local and ElasticMQ, with two fake back-ends: {@code fake-lifecycle} can suspend,
 * unsuspend and terminate; {@code fake-bare} has no lifecycle support at all. No back-end is called from here.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayServiceAdminRequestHandlerTest {

    private static final String WITH_LIFECYCLE = "fake-lifecycle";
    private static final String BARE = "fake-bare";
    private static final String STAFF = "staff-" + UUID.randomUUID();
    private static JsonNode openApi;

    private LocalAws aws;
    private ApiGatewayServiceAdminRequestHandler handler;
    private DynamoDbServiceRepository services;
    private DynamoDbOperationRepository operations;
    private DynamoDbOrderRepository orders;
    private final String customer = "cust-" + UUID.randomUUID();
    private final String productId = "adm-" + UUID.randomUUID();

    @BeforeAll
    static void loadOpenApi() throws Exception {
        try (InputStream in = ApiGatewayServiceAdminRequestHandlerTest.class.getResourceAsStream("/openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        Clock clock = Clock.systemUTC();
        String table = aws.tableName();
        services = new DynamoDbServiceRepository(aws.dynamoDb(), table);
        operations = new DynamoDbOperationRepository(aws.dynamoDb(), table);
        orders = new DynamoDbOrderRepository(aws.dynamoDb(), table, clock);
        // built as the handler's own wiring builds it, on these back-ends instead of the registered ones
        BackendRegistry backends = Backends.on(aws.dynamoDb(), table, null, null,
                secretRef -> { throw new AssertionError("no connection is used here"); }, Backends.BACKOFF, clock,
                List.of(new FakeBackend(WITH_LIFECYCLE, null, FakeBackend.planningEverything(), null).factory(),
                        new FakeBackend(BARE, null, null, null).factory()));
        handler = new ApiGatewayServiceAdminRequestHandler(
                new RequestOperation(services, new DynamoDbCatalogRepository(aws.dynamoDb(), table), operations,
                        new DynamoDbActionAnswers(aws.dynamoDb(), table),
                        new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), backends,
                        new SortableIds(clock), clock),
                new OperationQueries(services, operations), new AbandonOperation(services, operations, clock),
                new UsageExport(new DynamoDbUsageLedger(aws.dynamoDb(), table, Duration.ofDays(62)), clock),
                new RecordRenewal(services, new DynamoDbServiceRenewals(aws.dynamoDb(), table),
                        new DynamoDbActionAnswers(aws.dynamoDb(), table), clock),
                Backends.licencePoolView(aws.dynamoDb(), table, backends, clock),
                new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), table))));
        aws.purgeQueues();
    }

    /** A service of this test's customer, stored as an accepted order stores it. */
    private Service service(String backend, ServiceStatus status) {
        Product product = Samples.dedicated(productId, backend, "conn-" + backend, Map.of());
        Service service = Samples.service("svc_" + UUID.randomUUID(), customer,
                Samples.sold(product, Map.of("ipv4", "3")), status);
        Order order = new Order(service.orderId(), service.serviceId(), customer, service.customerEmail(), productId,
                product.name(), backend, BillingCycle.MONTHLY, product.prices().get(BillingCycle.MONTHLY),
                service.hostname(), service.osTemplateId(),
                service.options(), service.createdAt(), service.createdAt());
        orders.place(new IdempotencyRecord(customer, "k-" + service.serviceId(), "fp", order.orderId(),
                service.serviceId(), service.createdAt(), service.createdAt().plus(Duration.ofDays(3650))),
                order, service);
        return service;
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> pathParameters, String body,
                                          String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        return call(routeKey, pathParameters, Map.of(), headers, body);
    }

    /** A request as API Gateway hands it on, from a member of staff. */
    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> pathParameters,
                                          Map<String, String> query, Map<String, String> headers, String body) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> p : pathParameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path).withPathParameters(pathParameters)
                .withQueryStringParameters(query).withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", STAFF, "scope", "admin"))
                                        .withScopes(List.of("admin")).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("service-admin"));
    }

    private APIGatewayV2HTTPResponse post(String action, String serviceId, String body) {
        return call("POST /v1/admin/services/{serviceId}/" + action, Map.of("serviceId", serviceId), body, null);
    }

    private APIGatewayV2HTTPResponse getOperation(String serviceId, String operationId) {
        return call("GET /v1/admin/services/{serviceId}/operations/{operationId}",
                Map.of("serviceId", serviceId, "operationId", operationId), null, null);
    }

    private APIGatewayV2HTTPResponse abandon(String serviceId, String operationId, String body) {
        return call("POST /v1/admin/services/{serviceId}/operations/{operationId}/abandon",
                Map.of("serviceId", serviceId, "operationId", operationId), body, null);
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

    private void assertNothingWritten(Service service) {
        assertThat(operations.list(service.serviceId())).isEmpty();
        assertThat(services.findService(service.serviceId())).contains(service);
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(service.serviceId())).isEmpty();
        assertThat(lifecycleDepth()).isZero();
    }

    /** The body, after checking the status and that it has every field the OpenAPI schema requires. */
    private static JsonNode body(APIGatewayV2HTTPResponse response, int status, String schema) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return requires(Json.read(response.getBody(), JsonNode.class), schema);
    }

    private static JsonNode requires(JsonNode json, String schema) {
        for (JsonNode required : openApi.at("/components/schemas/" + schema + "/required")) {
            assertThat(json.has(required.asText())).as("%s has %s", schema, required.asText()).isTrue();
        }
        return json;
    }

    /** An operation's answer (202, or 200 for one read or abandoned). */
    private static JsonNode json(APIGatewayV2HTTPResponse response, int status) {
        return body(response, status, "Operation");
    }

    private static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        JsonNode problem = body(response, status, "Problem");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        }
        return problem;
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"suspend, ACTIVE", "unsuspend, SUSPENDED", "terminate, ACTIVE", "terminate, SUSPENDED",
            "terminate, FAILED"})
    void operationIsAcceptedWithLocationAndItsFirstMessageQueued(String action, ServiceStatus from) {
        Service service = service(WITH_LIFECYCLE, from);

        APIGatewayV2HTTPResponse response = post(action, service.serviceId(), "{\"reason\": \"  unpaid invoice \"}");

        JsonNode accepted = json(response, 202);
        String operationId = accepted.get("operationId").asText();
        assertThat(response.getHeaders()).containsEntry("Location",
                "/v1/admin/services/" + service.serviceId() + "/operations/" + operationId)
                .doesNotContainKey("Idempotent-Replayed");
        assertThat(accepted.get("kind").asText()).isEqualTo(action);
        assertThat(accepted.get("status").asText()).isEqualTo("QUEUED");
        assertThat(operations.find(service.serviceId(), operationId)).hasValueSatisfying(o -> {
            assertThat(o.kind().label()).isEqualTo(action);
            assertThat(o.status()).isEqualTo(OperationStatus.QUEUED);
            assertThat(o.requestedBy()).isEqualTo("staff:" + STAFF);
            assertThat(o.reason()).isEqualTo("unpaid invoice");
            assertThat(o.dispatched()).isTrue();
        });
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(service.serviceId()))
                .hasValueSatisfying(lock -> assertThat(lock.holderId()).isEqualTo(operationId));
        assertThat(drainLifecycle()).singleElement().satisfies(m -> {
            JsonNode message = Json.read(m.body(), JsonNode.class);
            assertThat(message.get("serviceId").asText()).isEqualTo(service.serviceId());
            assertThat(message.get("operationId").asText()).isEqualTo(operationId);
            assertThat(message.get("backend").asText()).isEqualTo(WITH_LIFECYCLE);
            assertThat(message.get("step").asText()).isEqualTo("begin");
        });
        // the service changes only when the operation runs
        assertThat(services.findService(service.serviceId())).hasValueSatisfying(
                s -> assertThat(s.status()).isEqualTo(from));
    }

    @Test
    void aRetryWithTheSameKeyStartsNothingNew() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);
        String key = "suspend-" + UUID.randomUUID();
        String route = "POST /v1/admin/services/{serviceId}/suspend";

        APIGatewayV2HTTPResponse first = call(route, Map.of("serviceId", service.serviceId()), null, key);
        APIGatewayV2HTTPResponse again = call(route, Map.of("serviceId", service.serviceId()), null, key);

        assertThat(json(again, 202).get("operationId")).isEqualTo(json(first, 202).get("operationId"));
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Location", first.getHeaders().get("Location"));
        assertThat(operations.list(service.serviceId())).hasSize(1);
        assertThat(drainLifecycle()).hasSize(1);
    }

    @Test
    void historyShowsTheServiceAsSoldAndItsOperationsNewestFirst() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);
        String suspension = json(post("suspend", service.serviceId(), "{\"reason\": \"abuse\"}"), 202)
                .get("operationId").asText();
        json(abandon(service.serviceId(), suspension, null), 200);
        String termination = json(post("terminate", service.serviceId(), null), 202).get("operationId").asText();

        JsonNode history = body(call("GET /v1/admin/services/{serviceId}", Map.of("serviceId", service.serviceId()),
                null, null), 200, "ServiceHistory");

        JsonNode shown = history.get("service");
        requires(shown, "AdminService");
        assertThat(shown.get("serviceId").asText()).isEqualTo(service.serviceId());
        assertThat(shown.get("customerId").asText()).isEqualTo(customer);
        assertThat(shown.get("productId").asText()).isEqualTo(productId);
        assertThat(shown.get("type").asText()).isEqualTo("dedicated");
        assertThat(shown.get("backend").asText()).isEqualTo(WITH_LIFECYCLE);
        assertThat(shown.get("connectionId").asText()).isEqualTo("conn-" + WITH_LIFECYCLE);
        assertThat(shown.get("hostname").asText()).isEqualTo(service.hostname());
        assertThat(shown.get("osTemplateId").asText()).isEqualTo("debian-12");
        assertThat(shown.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Json.MAPPER.convertValue(shown.get("options"), Map.class))
                .isEqualTo(Map.of("ipv4", "3", "bandwidthTb", "10"));
        assertThat(history.get("provisioningSteps")).isEmpty();
        assertThat(history.get("operations")).hasSize(2);
        JsonNode newest = history.get("operations").get(0);
        JsonNode oldest = history.get("operations").get(1);
        requires(newest, "Operation");
        assertThat(newest.get("operationId").asText()).isEqualTo(termination);
        assertThat(newest.get("status").asText()).isEqualTo("QUEUED");
        assertThat(oldest.get("operationId").asText()).isEqualTo(suspension);
        assertThat(oldest.get("kind").asText()).isEqualTo("suspend");
        assertThat(oldest.get("status").asText()).isEqualTo("FAILED");
        assertThat(oldest.get("reason").asText()).isEqualTo("abuse");
        assertThat(oldest.get("requestedBy").asText()).isEqualTo("staff:" + STAFF);
    }

    @Test
    void anOperationShowsWhichMemberOfStaffAskedForIt() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);
        String operationId = json(post("terminate", service.serviceId(), null), 202).get("operationId").asText();

        JsonNode operation = json(getOperation(service.serviceId(), operationId), 200);

        assertThat(operation.get("operationId").asText()).isEqualTo(operationId);
        assertThat(operation.get("serviceId").asText()).isEqualTo(service.serviceId());
        assertThat(operation.get("kind").asText()).isEqualTo("terminate");
        assertThat(operation.get("status").asText()).isEqualTo("QUEUED");
        assertThat(operation.get("requestedBy").asText()).isEqualTo("staff:" + STAFF);
        assertThat(operation.get("steps")).isEmpty();
        assertProblem(getOperation(service.serviceId(), "op_nope"), 404, null);
    }

    @Test
    void abandonEndsTheOperationAndLetsItsLockGoOnceThen409() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);
        String operationId = json(post("suspend", service.serviceId(), null), 202).get("operationId").asText();

        JsonNode abandoned = json(abandon(service.serviceId(), operationId, "{\"reason\": \"fixed by hand\"}"), 200);

        assertThat(abandoned.get("status").asText()).isEqualTo("FAILED");
        assertThat(abandoned.get("detail").asText()).isEqualTo("abandoned by staff:" + STAFF + ": fixed by hand");
        assertThat(operations.find(service.serviceId(), operationId)).hasValueSatisfying(
                o -> assertThat(o.status()).isEqualTo(OperationStatus.FAILED));
        assertThat(services.findService(service.serviceId())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.ACTIVE);
            assertThat(s.statusReason()).isEqualTo("suspend abandoned by staff:" + STAFF + ": fixed by hand");
        });
        // with the lock gone, the next operation is accepted
        json(post("terminate", service.serviceId(), null), 202);

        JsonNode again = assertProblem(abandon(service.serviceId(), operationId, null), 409, "status");
        assertThat(again.get("detail").asText()).contains("already ended as FAILED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            reason over 500 characters | reason | {"reason": "@LONG"}
            unknown body field         | colour | {"reason": "late", "colour": "red"}
            reason not a string        | reason | {"reason": 42}
            malformed JSON             | body   | {"reason": "late"
            body not an object         | body   | ["late"]
            """)
    void badInputIsA400NamingTheFieldAndWritesNothing(String name, String field, String body) {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);

        APIGatewayV2HTTPResponse response = post("suspend", service.serviceId(), body.replace("@LONG", "x".repeat(501)));

        assertProblem(response, 400, field);
        assertNothingWritten(service);
    }

    @Test
    void abandonWithAReasonOver500CharactersIsRefusedAndTheOperationGoesOn() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.ACTIVE);
        String operationId = json(post("suspend", service.serviceId(), null), 202).get("operationId").asText();

        assertProblem(abandon(service.serviceId(), operationId, "{\"reason\": \"" + "x".repeat(501) + "\"}"), 400,
                "reason");
        assertThat(operations.find(service.serviceId(), operationId)).hasValueSatisfying(
                o -> assertThat(o.status()).isEqualTo(OperationStatus.QUEUED));
    }

    /**
     * The billing system's export: only periods with metered overage (a bill policy over its allowance), page by page
     * with the cursor in the body and the Link header, and the same rows as CSV for a spreadsheet.
     */
    @Test
    void theUsageExportListsMeteredOverageAsJsonPageByPageAndAsCsv() {
        DynamoDbUsageLedger ledger = new DynamoDbUsageLedger(aws.dynamoDb(), aws.tableName(), Duration.ofDays(62));
        BandwidthPolicy bill = new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
                BandwidthPolicy.OveruseAction.BILL, new Price("EUR", 150), null);
        BandwidthPolicy notify = new BandwidthPolicy(BandwidthPolicy.Metering.TOTAL, 80,
                BandwidthPolicy.OveruseAction.NOTIFY, null, null);
        long tb = BandwidthPolicy.BYTES_PER_TB;
        Instant anchor = Instant.parse("2031-03-07T15:00:00Z");
        List<String> billed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String serviceId = "svc_use_" + UUID.randomUUID();
            BandwidthPolicy policy = i == 4 ? notify : bill;
            // 10 TB allowance; the fourth stays under it, the fifth is over it but only notified
            long used = i == 3 ? 9 * tb : 10 * tb + (i + 1) * tb / 2;
            BillingPeriod period = BillingPeriod.containing(anchor, anchor);
            UsagePeriod opened = UsagePeriod.opened(serviceId, customer, "=HYPERLINK(\"x\")", "conn", period,
                    period.start(), 10 * tb, policy);
            assertThat(ledger.open(opened)).isTrue();
            assertThat(ledger.advance(opened, period.start().plus(Duration.ofDays(2)), 0, used)).isPresent();
            if (i < 3) {
                billed.add(serviceId);
            }
        }

        List<JsonNode> rows = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("period", "2031-03", "limit", "2"));
            if (after != null) {
                query.put("after", after);
            }
            APIGatewayV2HTTPResponse page = usage(query, null);
            JsonNode body = body(page, 200, "UsageExport");
            body.get("rows").forEach(rows::add);
            after = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
            assertThat(page.getHeaders().containsKey("Link")).isEqualTo(after != null);
            pages++;
        } while (after != null && pages < 50);

        List<JsonNode> mine = rows.stream().filter(r -> r.get("customerId").asText().equals(customer)).toList();
        assertThat(mine).extracting(r -> r.get("serviceId").asText()).containsExactlyInAnyOrderElementsOf(billed);
        assertThat(mine).extracting(r -> r.get("overageTb").asLong()).containsExactlyInAnyOrder(1L, 1L, 2L);
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.at("/unitPrice/amountMinor").asLong()).isEqualTo(150);
            assertThat(r.get("closed").asBoolean()).isFalse();
        });

        APIGatewayV2HTTPResponse csv = usage(Map.of("period", "2031-03"), "text/csv");
        assertThat(csv.getStatusCode()).isEqualTo(200);
        assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.getFirst()).startsWith("serviceId,customerId,productId,periodStart");
        List<String> myLines = lines.stream().filter(l -> l.contains(customer)).toList();
        assertThat(myLines).hasSize(3).allSatisfy(line -> assertThat(line)
                .as("a cell a spreadsheet would run is defused").contains(",\"'=HYPERLINK(\"\"x\"\")\","));
        assertThat(myLines).anySatisfy(line -> assertThat(line).endsWith(",2,EUR,150,300"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "          | 2    | period",
            "2031-13   | 2    | period",
            "last year | 2    | period",
            "2031-03   | 0    | limit",
            "2031-03   | 5001 | limit",
            "2031-03   | two  | limit"})
    void aUsageExportWithABadPeriodOrLimitIs400NamingIt(String period, String limit, String field) {
        Map<String, String> query = new HashMap<>(Map.of("limit", limit));
        if (period != null) {
            query.put("period", period);
        }
        JsonNode problem = body(usage(query, null), 400, "Problem");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
    }

    /** Found by HostileReadsTest: a cursor of thousands of characters went into a key condition and was a 503. */
    @ParameterizedTest
    @ValueSource(ints = {201, 3_000})
    void aUsageExportCursorThatNoPageGaveIs400NamingAfter(int length) {
        JsonNode problem = body(usage(Map.of("period", "2031-03", "after", "s".repeat(length)), null), 400, "Problem");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("after");
    }

    private APIGatewayV2HTTPResponse usage(Map<String, String> query, String accept) {
        return call("GET /v1/admin/usage", Map.of(), query, accept == null ? Map.of() : Map.of("accept", accept), null);
    }

    @Test
    void unknownServiceIs404OnEveryRoute() {
        String nope = "svc_" + UUID.randomUUID();

        assertProblem(call("GET /v1/admin/services/{serviceId}", Map.of("serviceId", nope), null, null), 404, null);
        for (String action : List.of("suspend", "unsuspend", "terminate")) {
            assertProblem(post(action, nope, null), 404, null);
        }
        assertProblem(getOperation(nope, "op_nope"), 404, null);
        assertProblem(abandon(nope, "op_nope", null), 404, null);
        assertThat(operations.list(nope)).isEmpty();
        assertThat(lifecycleDepth()).isZero();
    }

    @Test
    void suspendingATerminatedServiceIs409NamingStatus() {
        Service service = service(WITH_LIFECYCLE, ServiceStatus.TERMINATED);

        JsonNode problem = assertProblem(post("suspend", service.serviceId(), null), 409, "status");

        assertThat(problem.get("detail").asText()).contains("TERMINATED").contains("ACTIVE");
        assertNothingWritten(service);
    }

    @ParameterizedTest
    @CsvSource({"suspend, ACTIVE", "unsuspend, SUSPENDED", "terminate, ACTIVE"})
    void aBackEndWithoutLifecycleSupportIs409NamingTheBackEndAndNothingIsWrittenOrQueued(String action,
                                                                                      ServiceStatus from) {
        Service service = service(BARE, from);

        JsonNode problem = assertProblem(post(action, service.serviceId(), "{\"reason\": \"unpaid\"}"), 409,
                "backend");

        assertThat(problem.get("detail").asText())
                .isEqualTo(action + " is not supported by the Fake " + BARE + " back-end");
        assertNothingWritten(service);
    }
}
