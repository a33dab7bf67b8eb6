package io.hostwright.functions.catalogadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.backends.Backends;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.template.CatalogAlerts;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.SyncTemplates;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbSyncRuns;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.sqs.SqsSyncRequests;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's catalog routes on DynamoDB Local with the registered TenantOS back-end and its simulator: connections and
 * products created, read, changed and deleted with their ETags; every bad input answered with a problem naming
 * its field, and nothing stored by a refused request.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayCatalogAdminRequestHandlerTest {

    private static final String WRONG_KEY = "env:WRONG_KEY";
    private static TenantOsSimulator tenantOs;

    private LocalAws aws;
    private ApiGatewayCatalogAdminRequestHandler handler;
    private final String connectionId = "conn-" + UUID.randomUUID().toString().substring(0, 8);
    private final String productId = "prod-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startSimulator() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
    }

    @AfterAll
    static void stopSimulator() {
        tenantOs.close();
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        handler = new ApiGatewayCatalogAdminRequestHandler(CatalogAdminWiring.of(aws.dynamoDb(), aws.tableName(),
                ref -> ref.equals(WRONG_KEY) ? "not-the-key" : tenantOs.apiKey(),
                List.of(TenantOsBackend.FACTORY, new FakeBackend("fake", null, null, null).factory()),
                new SqsSyncRequests(aws.sqs(), aws.queueUrl(Manifest.SYNC_QUEUE)), Clock.systemUTC()));
    }

    // ---- requests

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> pathParameters, Object body,
                                          String ifMatch) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> p : pathParameters.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        String text = body == null ? null : body instanceof String s ? s : Json.write(body);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path).withPathParameters(pathParameters)
                .withHeaders(headers).withBody(text).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "staff-1", "scope", "admin"))
                                        .withScopes(List.of("admin")).build()).build()).build())
                .build();
        return handler.handleRequest(event, InvocationContext.forTest("catalog-admin"));
    }

    private APIGatewayV2HTTPResponse postConnection(Object body) {
        return call("POST /v1/admin/connections", Map.of(), body, null);
    }

    private APIGatewayV2HTTPResponse getConnection(String id) {
        return call("GET /v1/admin/connections/{connectionId}", Map.of("connectionId", id), null, null);
    }

    private APIGatewayV2HTTPResponse putConnection(String id, Object body, String ifMatch) {
        return call("PUT /v1/admin/connections/{connectionId}", Map.of("connectionId", id), body, ifMatch);
    }

    private APIGatewayV2HTTPResponse deleteConnection(String id, String ifMatch) {
        return call("DELETE /v1/admin/connections/{connectionId}", Map.of("connectionId", id), null, ifMatch);
    }

    private APIGatewayV2HTTPResponse testConnection(String id) {
        return call("POST /v1/admin/connections/{connectionId}/test", Map.of("connectionId", id), null, null);
    }

    private APIGatewayV2HTTPResponse postProduct(Object body) {
        return call("POST /v1/admin/products", Map.of(), body, null);
    }

    private APIGatewayV2HTTPResponse getProduct(String id) {
        return call("GET /v1/admin/products/{productId}", Map.of("productId", id), null, null);
    }

    private APIGatewayV2HTTPResponse putProduct(String id, Object body, String ifMatch) {
        return call("PUT /v1/admin/products/{productId}", Map.of("productId", id), body, ifMatch);
    }

    private APIGatewayV2HTTPResponse deleteProduct(String id, String ifMatch) {
        return call("DELETE /v1/admin/products/{productId}", Map.of("productId", id), null, ifMatch);
    }

    // ---- documents

    private ObjectNode connection(String id) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("connectionId", id).put("backend", "tenantos").put("name", "Test TenantOS")
                .put("baseUrl", tenantOs.baseUrl()).put("secretRef", "env:TENANTOS_KEY")
                .put("department", "noc@example.com");
        c.putObject("settings").put("stockOwnerUserId", 1);
        return c;
    }

    private ObjectNode product(String id, String connection) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("productId", id).put("name", "Dedicated Test").put("type", "dedicated").put("backend", "tenantos")
                .put("connectionId", connection).put("sortOrder", 10);
        ArrayNode options = p.putArray("options");
        ObjectNode ipv4 = options.addObject().put("kind", "integer").put("key", "ipv4").put("min", 1).put("max", 4);
        ipv4.putObject("unitPrice").put("currency", "EUR").put("amountMinor", 200);
        p.putObject("prices").putObject("monthly").put("currency", "EUR").put("amountMinor", 8900);
        ObjectNode settings = p.putObject("moduleSettings");
        settings.putArray("matchTags").add("forRent").add("e2388g");
        settings.put("roleId", 3);
        return p;
    }

    private static ObjectNode with(ObjectNode document, Consumer<ObjectNode> change) {
        ObjectNode copy = document.deepCopy();
        change.accept(copy);
        return copy;
    }

    private String createConnection() {
        APIGatewayV2HTTPResponse created = postConnection(connection(connectionId));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        return created.getHeaders().get("ETag");
    }

    private String createProduct() {
        createConnection();
        APIGatewayV2HTTPResponse created = postProduct(product(productId, connectionId));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        return created.getHeaders().get("ETag");
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.read(response.getBody(), JsonNode.class);
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String field) {
        JsonNode problem = json(response, status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        return problem;
    }

    // ---- connections

    @Test
    void aConnectionIsCreatedReadAndListedWithItsETag() {
        APIGatewayV2HTTPResponse created = postConnection(connection(connectionId));

        JsonNode body = json(created, 201);
        assertThat(created.getHeaders()).containsEntry("ETag", "\"1\"")
                .containsEntry("Location", "/v1/admin/connections/" + connectionId);
        assertThat(body.get("secretRef").asText()).isEqualTo("env:TENANTOS_KEY");
        assertThat(body.toString()).doesNotContain(tenantOs.apiKey());
        APIGatewayV2HTTPResponse read = getConnection(connectionId);
        assertThat(json(read, 200)).isEqualTo(body);
        assertThat(read.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode list = json(call("GET /v1/admin/connections", Map.of(), null, null), 200);
        assertThat(list.get("connections").findValuesAsText("connectionId")).contains(connectionId);
    }

    @Test
    void aSecondConnectionWithTheSameIdIsAConflict() {
        createConnection();

        problem(postConnection(with(connection(connectionId), c -> c.put("name", "other"))), 409, "connectionId");
        assertThat(json(getConnection(connectionId), 200).get("name").asText()).isEqualTo("Test TenantOS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing back-end|backend|REMOVE",
            "unknown back-end|backend|backend=vmmanager9",
            "missing base URL|baseUrl|REMOVE",
            "base URL not a URL|baseUrl|baseUrl=tenantos.example.com",
            "missing secret reference|secretRef|REMOVE",
            "setting of the wrong type|settings.stockOwnerUserId|settings.stockOwnerUserId=one",
            "unknown field|colour|colour=blue"})
    void aBadConnectionIsRefusedNamingTheField(String why, String field, String change) {
        ObjectNode document = connection(connectionId);
        String target = change.equals("REMOVE") ? field : change.substring(0, change.indexOf('='));
        ObjectNode holder = target.startsWith("settings.") ? (ObjectNode) document.get("settings") : document;
        String key = target.startsWith("settings.") ? target.substring("settings.".length()) : target;
        if (change.equals("REMOVE")) {
            holder.remove(key);
        } else {
            holder.put(key, change.substring(change.indexOf('=') + 1));
        }

        problem(postConnection(document), 400, field);
        problem(getConnection(connectionId), 404, null);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        problem(postConnection("{\"connectionId\": "), 400, "body");
        problem(postProduct("[1, 2]"), 400, "body");
    }

    @Test
    void aChangeNeedsTheETagOfTheLastRead() {
        String etag = createConnection();
        ObjectNode renamed = with(connection(connectionId), c -> c.put("name", "Frankfurt TenantOS"));

        problem(putConnection(connectionId, renamed, null), 428, "If-Match");
        problem(putConnection(connectionId, renamed, "\"7\""), 412, "If-Match");
        problem(putConnection(connectionId, renamed, "yesterday"), 400, "If-Match");
        assertThat(json(getConnection(connectionId), 200).get("name").asText()).isEqualTo("Test TenantOS");

        APIGatewayV2HTTPResponse changed = putConnection(connectionId, renamed, etag);
        assertThat(json(changed, 200).get("name").asText()).isEqualTo("Frankfurt TenantOS");
        assertThat(changed.getHeaders()).containsEntry("ETag", "\"2\"");
        // a second writer who read version 1 loses
        problem(putConnection(connectionId, with(renamed, c -> c.put("name", "late")), etag), 412, "If-Match");
        assertThat(json(getConnection(connectionId), 200).get("name").asText()).isEqualTo("Frankfurt TenantOS");
    }

    @Test
    void aChangeCannotRenameTheConnectionItChanges() {
        String etag = createConnection();

        problem(putConnection(connectionId, connection("someone-else"), etag), 400, "connectionId");
    }

    @Test
    void aMissingConnectionIsNotFound() {
        problem(getConnection("nowhere"), 404, null);
        problem(putConnection("nowhere", connection("nowhere"), "\"1\""), 404, null);
        problem(deleteConnection("nowhere", "\"1\""), 404, null);
        problem(testConnection("nowhere"), 404, null);
    }

    @Test
    void aConnectionNobodyUsesIsDeleted() {
        String etag = createConnection();

        problem(deleteConnection(connectionId, null), 428, "If-Match");
        APIGatewayV2HTTPResponse deleted = deleteConnection(connectionId, etag);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        problem(getConnection(connectionId), 404, null);
    }

    @Test
    void aConnectionProductsUseIsNotDeletedAndTheAnswerNamesThem() {
        createProduct();
        String etag = getConnection(connectionId).getHeaders().get("ETag");

        JsonNode refused = problem(deleteConnection(connectionId, etag), 409, "connectionId");

        assertThat(refused.toString()).contains(productId);
        json(getConnection(connectionId), 200);
    }

    @Test
    void aConnectionThatStillRunsServicesIsNotDeletedAndTheAnswerNamesThem() {
        String etag = createConnection();
        Service live = storeService(ServiceStatus.SUSPENDED);
        Service gone = storeService(ServiceStatus.TERMINATED);

        JsonNode refused = problem(deleteConnection(connectionId, etag), 409, "connectionId");

        assertThat(refused.toString()).contains(live.serviceId()).doesNotContain(gone.serviceId());
        json(getConnection(connectionId), 200);
    }

    @Test
    void aConnectionCannotChangeItsBackEndWhileProductsUseIt() {
        createProduct();
        String etag = getConnection(connectionId).getHeaders().get("ETag");

        problem(putConnection(connectionId, with(connection(connectionId), c -> c.put("backend", "fake")), etag),
                409, "backend");
    }

    /** A service sold on this test's connection, stored as an accepted order stores it. */
    private Service storeService(ServiceStatus status) {
        Product product = Samples.dedicated(productId, "tenantos", connectionId, Map.of());
        Service service = Samples.service("svc_" + UUID.randomUUID(), "cust-1", Samples.sold(product, Map.of()),
                status);
        Order order = new Order(service.orderId(), service.serviceId(), "cust-1", service.customerEmail(), productId,
                product.name(), "tenantos", BillingCycle.MONTHLY, product.prices().get(BillingCycle.MONTHLY),
                service.hostname(), service.osTemplateId(), service.options(), service.createdAt(),
                service.createdAt());
        new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC()).place(
                new IdempotencyRecord("cust-1", "k-" + service.serviceId(), "fp", order.orderId(),
                        service.serviceId(), service.createdAt(), service.createdAt().plus(Duration.ofDays(30))),
                order, service);
        return service;
    }

    // ---- connection test

    @Test
    void aWorkingConnectionTestsGood() {
        createConnection();

        JsonNode report = json(testConnection(connectionId), 200);

        assertThat(report.get("reachable").asBoolean()).isTrue();
        assertThat(report.get("authenticated").asBoolean()).isTrue();
        assertThat(report.get("readWorks").asBoolean()).isTrue();
        assertThat(report.get("latencyMs").asLong()).isNotNegative();
    }

    @Test
    void aWrongKeyTestsAsNotAuthenticatedWithoutShowingAnyKey() {
        postConnection(with(connection(connectionId), c -> c.put("secretRef", WRONG_KEY)));

        JsonNode report = json(testConnection(connectionId), 200);

        assertThat(report.get("reachable").asBoolean()).isTrue();
        assertThat(report.get("authenticated").asBoolean()).isFalse();
        assertThat(report.get("readWorks").asBoolean()).isFalse();
        assertThat(report.get("detail").asText()).contains(WRONG_KEY).doesNotContain("not-the-key")
                .doesNotContain(tenantOs.apiKey());
    }

    @Test
    void anUnreachableBackEndTestsAsNotReachable() {
        postConnection(with(connection(connectionId), c -> c.put("baseUrl", "http://127.0.0.1:9")));

        JsonNode report = json(testConnection(connectionId), 200);

        assertThat(report.get("reachable").asBoolean()).isFalse();
        assertThat(report.get("authenticated").asBoolean()).isFalse();
    }

    // ---- products

    @Test
    void aProductIsCreatedAsSentAndReadBackTheSame() {
        createConnection();
        ObjectNode document = product(productId, connectionId);

        APIGatewayV2HTTPResponse created = postProduct(document);

        JsonNode body = json(created, 201);
        assertThat(created.getHeaders()).containsEntry("ETag", "\"1\"")
                .containsEntry("Location", "/v1/admin/products/" + productId);
        assertThat(body.get("name").asText()).isEqualTo("Dedicated Test");
        assertThat(body.get("sortOrder").asInt()).isEqualTo(10);
        assertThat(body.get("visible").asBoolean()).isTrue();
        assertThat(body.at("/prices/monthly/amountMinor").asLong()).isEqualTo(8900);
        assertThat(body.at("/options/0/unitPrice/amountMinor").asLong()).isEqualTo(200);
        assertThat(body.at("/moduleSettings/roleId").asInt()).isEqualTo(3);
        assertThat(body.get("offeredOsTemplates")).as("no sync ran yet").isEmpty();
        assertThat(json(getProduct(productId), 200)).isEqualTo(body);
        // what was read can be sent back unchanged
        APIGatewayV2HTTPResponse again = putProduct(productId, body, "\"1\"");
        assertThat(json(again, 200)).isEqualTo(body);
        assertThat(again.getHeaders()).containsEntry("ETag", "\"2\"");
    }

    @Test
    void aProductChangeIsStoredAndNeverTouchesWhatWasSold() {
        String etag = createProduct();
        Service sold = storeService(ServiceStatus.ACTIVE);

        APIGatewayV2HTTPResponse changed = putProduct(productId, with(product(productId, connectionId), p -> {
            p.put("name", "Dedicated Test (2027)").put("visible", false);
            ((ObjectNode) p.at("/prices/monthly")).put("amountMinor", 9900);
        }), etag);

        JsonNode body = json(changed, 200);
        assertThat(body.get("visible").asBoolean()).isFalse();
        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct(productId))
                .hasValueSatisfying(p -> {
                    assertThat(p.name()).isEqualTo("Dedicated Test (2027)");
                    assertThat(p.prices().get(BillingCycle.MONTHLY).amountMinor()).isEqualTo(9900);
                });
        assertThat(new io.hostwright.dynamodb.DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName())
                .findService(sold.serviceId())).contains(sold);
    }

    @Test
    void aProductIsDeletedWithItsETag() {
        String etag = createProduct();

        problem(deleteProduct(productId, null), 428, "If-Match");
        problem(deleteProduct(productId, "\"9\""), 412, "If-Match");
        assertThat(deleteProduct(productId, etag).getStatusCode()).isEqualTo(204);
        problem(getProduct(productId), 404, null);
    }

    @Test
    void aSecondProductWithTheSameIdIsAConflict() {
        createProduct();

        problem(postProduct(with(product(productId, connectionId), p -> p.put("name", "other"))), 409, "productId");
        assertThat(json(getProduct(productId), 200).get("name").asText()).isEqualTo("Dedicated Test");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing name|name",
            "name of the wrong type|name",
            "unknown back-end|backend",
            "unknown connection|connectionId",
            "negative price|prices.monthly.amountMinor",
            "unknown billing cycle|prices.fortnightly",
            "unknown option type|options[0].kind",
            "duplicate option|options[1].key",
            "OS templates declared where the sync finds them|osTemplates",
            "withheld template the connection does not have|withheldOsTemplates[0]",
            "withheld template twice|withheldOsTemplates[1]",
            "type the back-end does not sell|type",
            "unknown type|type",
            "sort order of the wrong type|sortOrder",
            "setting the back-end does not know|moduleSettings.osProfiles",
            "setting of the wrong type|moduleSettings.roleId",
            "bandwidth that is not an object|bandwidth",
            "unknown metering|bandwidth.metering",
            "near-limit share of 100|bandwidth.nearLimitPercent",
            "unknown overuse action|bandwidth.overuseAction",
            "bill without a price per TB|bandwidth.overagePerTb",
            "a price per TB for notify|bandwidth.overagePerTb",
            "negative allowance|bandwidth.includedTb",
            "unknown bandwidth field|bandwidth.burst",
            "unknown field|colour"})
    void aBadProductIsRefusedNamingTheField(String why, String field) {
        createConnection();
        ObjectNode document = with(product(productId, connectionId), p -> {
            switch (why) {
                case "missing name" -> p.remove("name");
                case "name of the wrong type" -> p.put("name", 42);
                case "unknown back-end" -> p.put("backend", "vmmanager9");
                case "unknown connection" -> p.put("connectionId", "nowhere");
                case "negative price" -> ((ObjectNode) p.at("/prices/monthly")).put("amountMinor", -1);
                case "unknown billing cycle" -> ((ObjectNode) p.get("prices")).putObject("fortnightly")
                        .put("currency", "EUR").put("amountMinor", 1);
                case "unknown option type" -> ((ObjectNode) p.at("/options/0")).put("kind", "slider");
                case "duplicate option" -> ((ArrayNode) p.get("options")).add(p.at("/options/0").deepCopy());
                case "OS templates declared where the sync finds them" -> p.putArray("osTemplates").addObject()
                        .put("id", "debian-12").put("name", "Debian 12");
                case "withheld template the connection does not have" -> p.putArray("withheldOsTemplates")
                        .add("profile-99");
                case "withheld template twice" -> p.putArray("withheldOsTemplates").add("a").add("a");
                case "type the back-end does not sell" -> p.put("type", "vps");
                case "unknown type" -> p.put("type", "mainframe");
                case "sort order of the wrong type" -> p.put("sortOrder", "first");
                case "setting the back-end does not know" -> ((ObjectNode) p.get("moduleSettings")).put("osProfiles", 3);
                case "setting of the wrong type" -> ((ObjectNode) p.get("moduleSettings")).put("roleId", "admin");
                case "bandwidth that is not an object" -> p.put("bandwidth", "20 TB");
                case "unknown metering" -> p.putObject("bandwidth").put("metering", "inbound");
                case "near-limit share of 100" -> p.putObject("bandwidth").put("nearLimitPercent", 100);
                case "unknown overuse action" -> p.putObject("bandwidth").put("overuseAction", "throttle");
                case "bill without a price per TB" -> p.putObject("bandwidth").put("overuseAction", "bill");
                case "a price per TB for notify" -> p.putObject("bandwidth").put("overuseAction", "notify")
                        .putObject("overagePerTb").put("currency", "EUR").put("amountMinor", 100);
                case "negative allowance" -> p.putObject("bandwidth").put("includedTb", -1);
                case "unknown bandwidth field" -> p.putObject("bandwidth").put("burst", true);
                case "unknown field" -> p.put("colour", "blue");
                default -> throw new IllegalArgumentException(why);
            }
        });

        problem(postProduct(document), 400, field);
        problem(getProduct(productId), 404, null);
    }

    @Test
    void aProductChangeIsCheckedLikeANewProduct() {
        String etag = createProduct();

        problem(putProduct(productId, with(product(productId, connectionId),
                p -> ((ObjectNode) p.at("/prices/monthly")).put("amountMinor", -5)), etag), 400,
                "prices.monthly.amountMinor");
        problem(putProduct(productId, product("another-id", connectionId), etag), 400, "productId");
        assertThat(getProduct(productId).getHeaders()).containsEntry("ETag", "\"1\"");
    }

    // ---- templates and the sync

    /** Runs the connection's sync here, as the template-sync function does. */
    private SyncRun syncHere() {
        Clock clock = Clock.systemUTC();
        BackendRegistry backends = Backends.on(aws.dynamoDb(), aws.tableName(), null, null, ref -> tenantOs.apiKey(),
                Backends.BACKOFF, clock, List.of(TenantOsBackend.FACTORY));
        return new SyncTemplates(backends, new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()),
                new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()),
                new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()),
                new DynamoDbSyncRuns(aws.dynamoDb(), aws.tableName()),
                new DynamoDbStockLevels(aws.dynamoDb(), aws.tableName()),
                new io.hostwright.dynamodb.DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName()),
                new CatalogAlerts(mail -> { }), clock)
                .run(connectionId, "run_" + System.nanoTime(), SyncRun.STAFF).orElseThrow();
    }

    private APIGatewayV2HTTPResponse templates() {
        return call("GET /v1/admin/connections/{connectionId}/templates", Map.of("connectionId", connectionId), null,
                null);
    }

    private APIGatewayV2HTTPResponse editTemplate(String templateId, Object body) {
        return call("PUT /v1/admin/connections/{connectionId}/templates/{templateId}",
                Map.of("connectionId", connectionId, "templateId", templateId), body, null);
    }

    @Test
    void syncNowQueuesARunAndAnswersWhereItsResultWillBe() {
        createConnection();
        aws.purgeQueues();

        APIGatewayV2HTTPResponse accepted = call("POST /v1/admin/connections/{connectionId}/sync",
                Map.of("connectionId", connectionId), null, null);

        JsonNode run = json(accepted, 202);
        String runId = run.get("runId").asText();
        assertThat(run.get("status").asText()).isEqualTo("QUEUED");
        assertThat(run.get("trigger").asText()).isEqualTo("staff");
        assertThat(accepted.getHeaders()).containsEntry("Location",
                "/v1/admin/connections/" + connectionId + "/sync-runs/" + runId);
        List<software.amazon.awssdk.services.sqs.model.Message> queued = aws.sqs().receiveMessage(b -> b
                .queueUrl(aws.queueUrl(Manifest.SYNC_QUEUE)).maxNumberOfMessages(10)).messages();
        assertThat(queued).singleElement().satisfies(m -> {
            JsonNode message = Json.read(m.body(), JsonNode.class);
            assertThat(message.get("connectionId").asText()).isEqualTo(connectionId);
            assertThat(message.get("runId").asText()).isEqualTo(runId);
            assertThat(m.body()).doesNotContain(tenantOs.apiKey());
        });
        JsonNode runs = json(call("GET /v1/admin/connections/{connectionId}/sync-runs",
                Map.of("connectionId", connectionId), null, null), 200);
        assertThat(runs.get("runs").findValuesAsText("runId")).containsExactly(runId);
        assertThat(json(call("GET /v1/admin/connections/{connectionId}/sync-runs/{runId}",
                Map.of("connectionId", connectionId, "runId", runId), null, null), 200).get("status").asText())
                .isEqualTo("QUEUED");
        problem(call("GET /v1/admin/connections/{connectionId}/sync-runs/{runId}",
                Map.of("connectionId", connectionId, "runId", "run_nope"), null, null), 404, null);
    }

    @Test
    void aConnectionWhoseBackEndSyncsNothingCannotBeSynced() {
        postConnection(with(connection(connectionId), c -> c.put("backend", "fake")));

        problem(call("POST /v1/admin/connections/{connectionId}/sync", Map.of("connectionId", connectionId), null,
                null), 409, "connectionId");
        problem(call("POST /v1/admin/connections/{connectionId}/sync", Map.of("connectionId", "nowhere"), null,
                null), 404, null);
    }

    @Test
    void afterASyncStaffSeeTheTemplatesAndDisableOneForEveryProduct() {
        createProduct();
        SyncRun run = syncHere();
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncRun.Status.SUCCEEDED);

        JsonNode listed = json(templates(), 200).get("templates");
        assertThat(listed.findValuesAsText("templateId"))
                .containsExactly("profile-12", "profile-13", "profile-14", "profile-15");
        assertThat(listed.get(0).get("state").asText()).isEqualTo("enabled");
        assertThat(listed.get(0).get("upstreamId").asText()).isEqualTo("12");
        assertThat(listed.get(0).get("lastSeen").asText()).isEqualTo(run.finishedAt().toString());

        JsonNode edited = json(editTemplate("profile-15", Map.of("enabled", false, "displayName", "Windows 2022",
                "tags", List.of("windows"))), 200);
        assertThat(edited.get("state").asText()).isEqualTo("disabled by staff");
        assertThat(edited.get("name").asText()).isEqualTo("Windows 2022");
        JsonNode product = json(getProduct(productId), 200);
        assertThat(product.get("offeredOsTemplates").findValuesAsText("id"))
                .containsExactly("profile-12", "profile-13", "profile-14");
        assertThat(product.at("/stock/available").asInt()).isEqualTo(4);
        assertThat(product.at("/stock/availability/count").asText()).isEqualTo("2-5");

        // a second sync keeps what staff set
        syncHere();
        JsonNode again = json(templates(), 200).get("templates");
        assertThat(again.get(3).get("state").asText()).isEqualTo("disabled by staff");
        assertThat(again.get(3).get("name").asText()).isEqualTo("Windows 2022");
    }

    @Test
    void aProductWithholdsATemplateOfItsConnection() {
        String etag = createProduct();
        syncHere();

        JsonNode changed = json(putProduct(productId, with(product(productId, connectionId),
                p -> p.putArray("withheldOsTemplates").add("profile-12")), etag), 200);

        assertThat(changed.get("offeredOsTemplates").findValuesAsText("id"))
                .containsExactly("profile-13", "profile-14", "profile-15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|body",
            "{\"sortOrder\": \"first\"}|sortOrder",
            "{\"enabled\": \"no\"}|enabled",
            "{\"tags\": [1]}|tags[0]",
            "{\"tags\": \"windows\"}|tags",
            "{\"colour\": \"blue\"}|colour",
            "[]|body"})
    void aBadTemplateEditIsRefusedNamingTheField(String body, String field) {
        createConnection();
        syncHere();

        problem(editTemplate("profile-12", body), 400, field);
        assertThat(json(templates(), 200).get("templates").get(0).get("state").asText()).isEqualTo("enabled");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        createConnection();
        syncHere();

        problem(editTemplate("profile-99", Map.of("enabled", false)), 404, null);
        problem(call("GET /v1/admin/connections/{connectionId}/templates", Map.of("connectionId", "nowhere"), null,
                null), 404, null);
    }

    @Test
    void deletingAConnectionDeletesItsTemplatesAndRuns() {
        String etag = createConnection();
        syncHere();

        assertThat(deleteConnection(connectionId, etag).getStatusCode()).isEqualTo(204);

        assertThat(new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()).list(connectionId)).isEmpty();
        assertThat(new DynamoDbSyncRuns(aws.dynamoDb(), aws.tableName()).latest(connectionId, 10)).isEmpty();
    }
}
