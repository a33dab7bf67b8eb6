package io.hostwright.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.PoolLicence;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.operation.AbandonOperation;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbLicencePool;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRenewals;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's view of the licence pool ({@code GET /v1/admin/licences}) and of a service's licence, on DynamoDB Local
 * with a fake licence back-end whose server must never be asked. Every licence has a key in the credentials table;
 * none may leave.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayServiceAdminLicencesTest {

    private static final String ROUTE = "GET /v1/admin/licences";
    private static final Instant NOW = Instant.parse("2031-06-01T08:00:00Z");
    private static final String PANEL = "BILLmanager 6 Hosting&Cloud";
    private static JsonNode openApi;

    private ApiGatewayServiceAdminRequestHandler handler;
    private DynamoDbLicencePool pool;
    private DynamoDbServiceSecrets secrets;
    private DynamoDbOrderRepository orders;
    private LicenceRecords records;
    /** The table is every test's: this test's connections, and the keys it must never see in an answer. */
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String week = "lic-week-" + suffix;
    private final String month = "lic-month-" + suffix;
    private final String servers = "servers-" + suffix;
    private final List<String> keys = new ArrayList<>();

    @BeforeAll
    static void loadOpenApi() throws Exception {
        try (InputStream in = ApiGatewayServiceAdminLicencesTest.class.getResourceAsStream("/openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String table = aws.tableName();
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(aws.dynamoDb(), table);
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(aws.dynamoDb(), table, clock);
        DynamoDbActionAnswers answers = new DynamoDbActionAnswers(aws.dynamoDb(), table, clock);
        BackendRegistry backends = Backends.on(aws.dynamoDb(), table, null, null,
                secretRef -> { throw new AssertionError("no connection is used here"); }, Backends.BACKOFF, clock,
                List.of(new FakeBackend("fake-licences", null, null, null).withLicenceServers(connection -> {
                    throw new AssertionError("staff's views never ask a licence server");
                }).factory(), new FakeBackend("fake-servers", null, FakeBackend.planningEverything(), null).factory()));
        records = new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), table));
        handler = new ApiGatewayServiceAdminRequestHandler(
                new RequestOperation(services, new DynamoDbCatalogRepository(aws.dynamoDb(), table), operations,
                        answers, new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), backends,
                        new SortableIds(clock), clock),
                new OperationQueries(services, operations), new AbandonOperation(services, operations, clock),
                new UsageExport(new DynamoDbUsageLedger(aws.dynamoDb(), table, Duration.ofDays(62)), clock),
                new RecordRenewal(services, new DynamoDbServiceRenewals(aws.dynamoDb(), table, clock), answers, clock),
                Backends.licencePoolView(aws.dynamoDb(), table, backends, clock), new ServiceLicences(records));
        pool = new DynamoDbLicencePool(aws.dynamoDb(), table);
        secrets = new DynamoDbServiceSecrets(aws.dynamoDb(), aws.credentialsTableName());
        orders = new DynamoDbOrderRepository(aws.dynamoDb(), table, clock);

        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), table);
        connections.saveConnection(connection(week, "fake-licences", Map.of("tariffs",
                Map.of("55382", PANEL, "55384", PANEL), "renewalLeadDays", 7)));
        connections.saveConnection(connection(month, "fake-licences", Map.of("tariffs",
                Map.of("7001", "ISPmanager 6 Lite"), "renewalLeadDays", 30)));
        connections.saveConnection(connection(servers, "fake-servers", Map.of()));

        Instant longAgo = NOW.minus(Duration.ofDays(120));
        mirror(week, free("101", days(200), longAgo), 55382);
        mirror(week, free("102", days(100), NOW.minus(Duration.ofDays(10))), 55384);
        mirror(week, new PoolLicence("103", PoolLicence.Status.ACTIVE, "web [svc_1]", "198.51.100.7", days(3),
                longAgo, longAgo), 55382);
        assertThat(pool.take(week, "103", "svc_held_" + suffix, NOW.minus(Duration.ofDays(40)))).isTrue();
        mirror(month, free("201", days(20), longAgo), 7001);
    }

    private static Connection connection(String id, String backend, Map<String, Object> settings) {
        return new Connection(id, backend, id, "https://licences.example.test", "env:LICENCES", "noc@example.test",
                settings);
    }

    private static Instant days(int n) {
        return NOW.plus(Duration.ofDays(n));
    }

    private static PoolLicence free(String id, Instant expiresAt, Instant lastIpChange) {
        return new PoolLicence(id, PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME, PoolLicence.FREE_IP, expiresAt,
                lastIpChange, null);
    }

    /** A licence in the pool, with a key kept the way an attached one's is. */
    private void mirror(String connectionId, PoolLicence licence, long pricelist) {
        pool.mirror(connectionId, licence, pricelist);
        String key = "KEY-" + UUID.randomUUID();
        secrets.put("svc_key_" + licence.upstreamId() + "_" + suffix, LicenceRecord.KEY_SECRET, key);
        keys.add(key);
    }

    private APIGatewayV2HTTPResponse licences(Map<String, String> query) {
        return call(ROUTE, Map.of(), query);
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> pathParameters,
                                          Map<String, String> query) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> p : pathParameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path).withPathParameters(pathParameters)
                .withQueryStringParameters(query).withHeaders(Map.of()).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "staff-1", "scope", "admin"))
                                        .withScopes(List.of("admin")).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("service-admin"));
    }

    /** The body, after checking the status, that it has every field the schema requires, and that no key is in it. */
    private JsonNode body(APIGatewayV2HTTPResponse response, int status, String schema) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        for (String key : keys) {
            assertThat(response.getBody()).doesNotContain(key);
        }
        JsonNode json = Json.read(response.getBody(), JsonNode.class);
        assertThat(json.findValues("key")).as("no field named key").isEmpty();
        return requires(json, schema);
    }

    private static JsonNode requires(JsonNode json, String schema) {
        for (JsonNode required : openApi.at("/components/schemas/" + schema + "/required")) {
            assertThat(json.has(required.asText())).as("%s has %s", schema, required.asText()).isTrue();
        }
        return json;
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.get("licences").forEach(l -> ids.add(l.get("licenceId").asText()));
        return ids;
    }

    private static JsonNode licence(JsonNode listing, String licenceId) {
        for (JsonNode l : listing.get("licences")) {
            if (l.get("licenceId").asText().equals(licenceId)) {
                return l;
            }
        }
        throw new AssertionError("no licence " + licenceId + " in " + listing);
    }

    @Test
    void everyLicenceOfAConnectionSortedByExpiryWithItsCounts() {
        JsonNode listing = body(licences(Map.of("connectionId", week)), 200, "LicencePool");

        assertThat(listing.get("connectionId").asText()).isEqualTo(week);
        assertThat(listing.has("state")).isFalse();
        assertThat(listing.get("at").asText()).isEqualTo(NOW.toString());
        assertThat(ids(listing)).containsExactly("103", "102", "101");
        listing.get("licences").forEach(l -> requires(l, "PoolLicence"));
        JsonNode counts = listing.get("counts");
        assertThat(counts.get("licences").asInt()).isEqualTo(3);
        assertThat(counts.get("free").asInt()).isEqualTo(2);
        assertThat(counts.get("reusable").asInt()).isEqualTo(1);
        assertThat(counts.get("assigned").asInt()).isEqualTo(1);
        assertThat(counts.get("expiring").asInt()).isEqualTo(1);
        JsonNode reusable = licence(listing, "101");
        assertThat(reusable.get("connectionId").asText()).isEqualTo(week);
        assertThat(reusable.get("panel").asText()).isEqualTo(PANEL);
        assertThat(reusable.get("pricelist").asLong()).isEqualTo(55382);
        assertThat(reusable.get("status").asText()).isEqualTo("active");
        assertThat(reusable.get("state").asText()).isEqualTo("free");
        assertThat(reusable.get("name").asText()).isEqualTo(PoolLicence.FREE_NAME);
        assertThat(reusable.get("ip").asText()).isEqualTo(PoolLicence.FREE_IP);
        assertThat(reusable.get("expiresAt").asText()).isEqualTo(days(200).toString());
        assertThat(reusable.get("reusable").asBoolean()).isTrue();
        assertThat(reusable.get("expiring").asBoolean()).isFalse();
        assertThat(reusable.has("whyNotReusable")).isFalse();
        assertThat(reusable.has("heldBy")).isFalse();
    }

    @Test
    void freeLicencesSayWhyTheyCannotBeReusedYetAndFromWhen() {
        JsonNode listing = body(licences(Map.of("state", "free", "connectionId", week)), 200, "LicencePool");

        assertThat(listing.get("state").asText()).isEqualTo("free");
        assertThat(ids(listing)).containsExactly("102", "101");
        JsonNode moved = licence(listing, "102");
        assertThat(moved.get("reusable").asBoolean()).isFalse();
        assertThat(moved.get("whyNotReusable").asText()).contains("IP changed").contains("less than 30 days ago");
        assertThat(moved.get("reusableFrom").asText()).isEqualTo(days(20).toString());
        assertThat(moved.get("lastIpChange").asText()).isEqualTo(NOW.minus(Duration.ofDays(10)).toString());
    }

    @Test
    void assignedLicencesNameTheServiceHoldingThem() {
        JsonNode listing = body(licences(Map.of("state", "assigned", "connectionId", week)), 200, "LicencePool");

        assertThat(ids(listing)).containsExactly("103");
        JsonNode held = licence(listing, "103");
        assertThat(held.get("state").asText()).isEqualTo("assigned");
        assertThat(held.get("heldBy").asText()).isEqualTo("svc_held_" + suffix);
        assertThat(held.get("heldSince").asText()).isEqualTo(NOW.minus(Duration.ofDays(40)).toString());
        assertThat(held.get("reusable").asBoolean()).isFalse();
        assertThat(held.get("name").asText()).isEqualTo("web [svc_1]");
    }

    @Test
    void expiringFollowsEachConnectionsLeadTimeAcrossAllLicenceConnections() {
        JsonNode listing = body(licences(Map.of("state", "expiring")), 200, "LicencePool");

        // other tests' connections share the table: only this test's are looked at
        List<String> mine = new ArrayList<>();
        listing.get("licences").forEach(l -> {
            String connection = l.get("connectionId").asText();
            if (connection.equals(week) || connection.equals(month)) {
                mine.add(connection + "/" + l.get("licenceId").asText());
            }
            assertThat(l.get("expiring").asBoolean()).isTrue();
        });
        // 201 runs out in 20 days, within its connection's 30; 102 in 100 days, outside the week's 7
        assertThat(mine).containsExactly(month + "/201", week + "/103");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "state,        held",
            "state,        FREE-ish",
            "connectionId, nope",
            "connectionId, servers"})
    void aBadStateOrConnectionIs400NamingTheParameter(String parameter, String value) {
        String sent = value.equals("servers") ? servers : value;

        APIGatewayV2HTTPResponse response = licences(Map.of(parameter, sent));

        JsonNode problem = body(response, 400, "Problem");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(parameter);
    }

    /** A service sold with a licence and one without, as an accepted order stores them. */
    private Service service(String serviceId, boolean withLicence) {
        Product product = Samples.dedicated("ded-" + suffix, "fake-servers", servers, Map.of());
        var sold = Samples.sold(product, Map.of());
        Service service = Samples.service(serviceId, "cust-" + suffix, withLicence
                ? Samples.withLicence(sold, new SoldLicence(week, 55382, PANEL)) : sold, ServiceStatus.ACTIVE);
        Order order = new Order(service.orderId(), serviceId, service.customerId(), service.customerEmail(),
                product.productId(), product.name(), "fake-servers", BillingCycle.MONTHLY,
                product.prices().get(BillingCycle.MONTHLY), service.hostname(), service.osTemplateId(),
                service.options(), NOW, NOW);
        orders.place(new IdempotencyRecord(service.customerId(), "k-" + serviceId, "fp", order.orderId(), serviceId,
                NOW, NOW.plus(Duration.ofDays(3650))), order, service);
        return service;
    }

    @Test
    void staffSeeAServicesLicenceWithWhyItIsPendingButNeverItsKey() {
        Service active = service("svc_lic_" + suffix, true);
        records.save(active.serviceId(), new LicenceRecord(LicenceRecord.State.ACTIVE, week, 55382, PANEL,
                "198.51.100.7", "101", days(200), true, null, NOW));
        String key = "KEY-" + UUID.randomUUID();
        secrets.put(active.serviceId(), LicenceRecord.KEY_SECRET, key);
        keys.add(key);
        Service pending = service("svc_pend_" + suffix, true);
        records.save(pending.serviceId(), new LicenceRecord(LicenceRecord.State.PENDING, week, 55382, PANEL,
                "198.51.100.8", null, null, false, "not enough funds", NOW));
        Service plain = service("svc_plain_" + suffix, false);

        JsonNode shown = body(call("GET /v1/admin/services/{serviceId}", Map.of("serviceId", active.serviceId()),
                Map.of()), 200, "ServiceHistory").get("service");
        JsonNode licence = requires(shown.get("licence"), "AdminServiceLicence");
        assertThat(licence.get("panel").asText()).isEqualTo(PANEL);
        assertThat(licence.get("state").asText()).isEqualTo("active");
        assertThat(licence.get("licenceId").asText()).isEqualTo("101");
        assertThat(licence.get("expiresAt").asText()).isEqualTo(days(200).toString());
        assertThat(licence.get("connectionId").asText()).isEqualTo(week);
        assertThat(licence.get("serverIp").asText()).isEqualTo("198.51.100.7");
        assertThat(licence.get("reused").asBoolean()).isTrue();
        assertThat(licence.has("reason")).isFalse();

        JsonNode waiting = body(call("GET /v1/admin/services/{serviceId}", Map.of("serviceId", pending.serviceId()),
                Map.of()), 200, "ServiceHistory").at("/service/licence");
        assertThat(waiting.get("state").asText()).isEqualTo("pending");
        assertThat(waiting.get("reason").asText()).isEqualTo("not enough funds");
        assertThat(waiting.has("licenceId")).isFalse();

        assertThat(body(call("GET /v1/admin/services/{serviceId}", Map.of("serviceId", plain.serviceId()), Map.of()),
                200, "ServiceHistory").get("service").has("licence")).isFalse();
    }

    @Test
    void noQueryAtAllListsEveryLicenceConnection() {
        JsonNode listing = body(licences(null), 200, "LicencePool");

        List<String> connections = new ArrayList<>();
        listing.get("licences").forEach(l -> connections.add(l.get("connectionId").asText()));
        assertThat(connections).contains(week, month).doesNotContain(servers);
        assertThat(connections).as("grouped by connection, in order").isSortedAccordingTo(String::compareTo);
    }
}
