package io.hostwright.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.operation.AbandonOperation;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRenewals;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
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

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing system's renewals through staff's route, on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayServiceAdminRenewalsTest {

    private static final String ROUTE = "POST /v1/admin/services/{serviceId}/renewals";
    private static final Instant NOW = Instant.parse("2031-01-15T09:30:00Z");
    private static final Instant PAID_UNTIL = Instant.parse("2031-01-31T00:00:00Z");
    private static JsonNode openApi;

    private LocalAws aws;
    private ApiGatewayServiceAdminRequestHandler handler;
    private DynamoDbServiceRepository services;
    private DynamoDbOrderRepository orders;
    private final String customer = "cust-" + UUID.randomUUID();
    /** Staff's keys are shared by all staff, and the table by every test: one key per test. */
    private final String key = "pay-" + UUID.randomUUID();

    @BeforeAll
    static void loadOpenApi() throws Exception {
        try (InputStream in = ApiGatewayServiceAdminRenewalsTest.class.getResourceAsStream("/openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String table = aws.tableName();
        services = new DynamoDbServiceRepository(aws.dynamoDb(), table);
        orders = new DynamoDbOrderRepository(aws.dynamoDb(), table, clock);
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(aws.dynamoDb(), table, clock);
        DynamoDbActionAnswers answers = new DynamoDbActionAnswers(aws.dynamoDb(), table, clock);
        BackendRegistry backends = Backends.on(aws.dynamoDb(), table, null, null,
                secretRef -> { throw new AssertionError("no connection is used here"); }, Backends.BACKOFF, clock,
                List.of());
        handler = new ApiGatewayServiceAdminRequestHandler(
                new RequestOperation(services, new DynamoDbCatalogRepository(aws.dynamoDb(), table), operations,
                        answers, new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), backends,
                        new SortableIds(clock), clock),
                new OperationQueries(services, operations), new AbandonOperation(services, operations, clock),
                new UsageExport(new DynamoDbUsageLedger(aws.dynamoDb(), table, Duration.ofDays(62)), clock),
                new RecordRenewal(services, new DynamoDbServiceRenewals(aws.dynamoDb(), table, clock), answers, clock),
                Backends.licencePoolView(aws.dynamoDb(), table, backends, clock),
                new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), table))));
    }

    /** A service of this test's customer paid until {@link #PAID_UNTIL}, stored as an accepted order stores it. */
    private Service service(ServiceStatus status) {
        Product product = Samples.dedicated("dedi-" + UUID.randomUUID(), "tenantos", "conn", Map.of());
        Service service = Samples.service("svc_" + UUID.randomUUID(), customer, product, status)
                .withPaidUntil(PAID_UNTIL, NOW);
        Order order = new Order(service.orderId(), service.serviceId(), customer, service.customerEmail(),
                product.productId(), product.name(), "tenantos", BillingCycle.MONTHLY,
                product.prices().get(BillingCycle.MONTHLY), service.hostname(), service.osTemplateId(),
                service.options(), service.createdAt(), service.createdAt());
        orders.place(new IdempotencyRecord(customer, "k-" + service.serviceId(), "fp", order.orderId(),
                service.serviceId(), NOW, NOW.plus(Duration.ofDays(3650))), order, service);
        return service;
    }

    /** A renewal as API Gateway hands it on, from a member of staff; no header when {@code key} is null. */
    private APIGatewayV2HTTPResponse renew(String serviceId, String body, String key) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        return call(ROUTE, serviceId, headers, body);
    }

    private APIGatewayV2HTTPResponse call(String routeKey, String serviceId, Map<String, String> headers,
                                          String body) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{serviceId}", serviceId);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(Map.of("serviceId", serviceId)).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "billing", "scope", "admin"))
                                        .withScopes(List.of("admin")).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("service-admin"));
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

    private static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String field) {
        JsonNode problem = body(response, status, "Problem");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        }
        return problem;
    }

    private Instant paidUntil(Service service) {
        return services.findService(service.serviceId()).orElseThrow().paidUntil();
    }

    @Test
    void theMonthsPaidExtendPaidUntilWhichStaffSeeOnTheService() {
        Service service = service(ServiceStatus.ACTIVE);

        APIGatewayV2HTTPResponse response = renew(service.serviceId(), "{\"months\": 3}", key);

        JsonNode renewal = body(response, 200, "Renewal");
        assertThat(response.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(renewal.get("serviceId").asText()).isEqualTo(service.serviceId());
        assertThat(renewal.get("paidUntil").asText()).isEqualTo("2031-04-30T00:00:00Z");
        assertThat(renewal.get("months").asInt()).isEqualTo(3);
        assertThat(renewal.get("renewedAt").asText()).isEqualTo(NOW.toString());
        assertThat(paidUntil(service)).isEqualTo(Instant.parse("2031-04-30T00:00:00Z"));
        JsonNode shown = body(call("GET /v1/admin/services/{serviceId}", service.serviceId(), Map.of(), null), 200,
                "ServiceHistory").get("service");
        assertThat(shown.get("paidUntil").asText()).isEqualTo("2031-04-30T00:00:00Z");
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstRenewalAgainWithoutExtendingTwice() {
        Service service = service(ServiceStatus.SUSPENDED);
        APIGatewayV2HTTPResponse first = renew(service.serviceId(), "{\"months\": 1}", key);

        APIGatewayV2HTTPResponse again = renew(service.serviceId(), "{ \"months\" : 1 }", key);

        assertThat(body(again, 200, "Renewal")).isEqualTo(body(first, 200, "Renewal"));
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(paidUntil(service)).isEqualTo(Instant.parse("2031-02-28T00:00:00Z"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndExtendsNothing() {
        Service service = service(ServiceStatus.ACTIVE);
        body(renew(service.serviceId(), "{\"months\": 1}", key), 200, "Renewal");

        problem(renew(service.serviceId(), "{\"months\": 12}", key), 422, "Idempotency-Key");

        assertThat(paidUntil(service)).isEqualTo(Instant.parse("2031-02-28T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            no key             | Idempotency-Key | {"months": 1}     | NONE
            no body            | body            | NONE              | k
            malformed JSON     | body            | {"months": 1      | k
            body not an object | body            | [1]               | k
            months missing     | months          | {}                | k
            months null        | months          | {"months": null}  | k
            months a string    | months          | {"months": "3"}   | k
            months a fraction  | months          | {"months": 1.5}   | k
            months zero        | months          | {"months": 0}     | k
            months over 120    | months          | {"months": 121}   | k
            unknown field      | period          | {"months": 1, "period": 1} | k
            """)
    void badInputIsA400NamingTheFieldAndChangesNothing(String name, String field, String body, String key) {
        Service service = service(ServiceStatus.ACTIVE);

        problem(renew(service.serviceId(), body, key == null ? null : key + "-" + UUID.randomUUID()), 400, field);

        assertThat(services.findService(service.serviceId())).contains(service);
    }

    @Test
    void anUnknownServiceIs404() {
        problem(renew("svc_" + UUID.randomUUID(), "{\"months\": 1}", key), 404, null);
    }

    @Test
    void aTerminatedServiceIs409NamingItsStatus() {
        Service service = service(ServiceStatus.TERMINATED);

        JsonNode problem = problem(renew(service.serviceId(), "{\"months\": 1}", key), 409, "status");

        assertThat(problem.get("detail").asText()).contains("TERMINATED");
        assertThat(services.findService(service.serviceId())).contains(service);
    }
}
