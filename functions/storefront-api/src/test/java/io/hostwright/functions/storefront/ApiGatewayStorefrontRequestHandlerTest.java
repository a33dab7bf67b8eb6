package io.hostwright.functions.storefront;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.storefront.StorefrontQueries;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.domain.usage.BandwidthReport;
import io.hostwright.domain.usage.BillingPeriod;
import io.hostwright.domain.usage.UsagePeriod;
import io.hostwright.domain.usage.UsageSample;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Read routes on DynamoDB Local; answers are checked against the OpenAPI schemas' required fields. */
@ExtendWith(LocalAwsExtension.class)
class ApiGatewayStorefrontRequestHandlerTest {

    private static JsonNode openApi;
    private ApiGatewayStorefrontRequestHandler handler;
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final String id = UUID.randomUUID().toString();
    private final String productId = "sf-" + UUID.randomUUID();

    @BeforeAll
    static void loadOpenApi() throws Exception {
        try (InputStream in = ApiGatewayStorefrontRequestHandlerTest.class.getResourceAsStream("/openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private Instant paidUntil;
    private LicenceRecords records;
    private DynamoDbServiceSecrets secrets;
    private DynamoDbOrderRepository orders;

    @BeforeEach
    void setUp(LocalAws aws) {
        Clock clock = Clock.systemUTC();
        var catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName());
        var orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), clock);
        var services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        records = new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), aws.tableName()));
        secrets = new DynamoDbServiceSecrets(aws.dynamoDb(), aws.credentialsTableName());
        this.orders = orders;
        handler = new ApiGatewayStorefrontRequestHandler(new StorefrontQueries(catalog,
                new DynamoDbStockLevels(aws.dynamoDb(), aws.tableName()), orders, services),
                new BandwidthReport(services, new DynamoDbUsageLedger(aws.dynamoDb(), aws.tableName(),
                        Duration.ofDays(62)), clock), new ServiceLicences(records));

        Product sample = Samples.dedicated(productId, "tenantos", "tenantos-demo",
                Map.of("matchTags", List.of("secret-tag"), "roleId", 3));
        catalog.saveProduct(new Product(productId, "Dedicated Ryzen 7700", "8 cores", sample.type(), sample.backend(),
                sample.connectionId(), sample.department(), sample.osTemplates(), sample.options(),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 9900), BillingCycle.ANNUALLY, new Price("EUR", 99900)),
                sample.moduleSettings()));
        Instant now = clock.instant();
        paidUntil = Service.monthsAfter(now, 1);
        Order order = new Order("ord_" + id, "svc_" + id, alice, "alice@example.test", productId,
                "Dedicated Ryzen 7700", "tenantos", BillingCycle.MONTHLY, new Price("EUR", 9900), "a.example.com",
                "debian-12", Map.of("ipv4", "2", "bandwidthTb", "20"), now, null);
        Service service = new Service("svc_" + id, "ord_" + id, alice, "alice@example.test",
                Samples.sold(sample, Map.of("ipv4", "2", "bandwidthTb", "20")), "a.example.com", "debian-12",
                "Debian 12", ServiceStatus.PENDING, "waiting for provisioning", 1, now, now, paidUntil);
        orders.place(new IdempotencyRecord(alice, "k-" + id, "fp", order.orderId(), service.serviceId(), now,
                now.plus(Duration.ofDays(1))), order, service);
        services.recordStep(new ProvisioningStep(service.serviceId(), 1, "create-user", StepStatus.SUCCEEDED, 1,
                "user 12 created", now));
    }

    private APIGatewayV2HTTPResponse get(String routeKey, String rawPath, Map<String, String> pathParameters,
                                         String customer) {
        return handler.handleRequest(request(routeKey, rawPath, pathParameters, customer),
                InvocationContext.forTest("storefront-api"));
    }

    /** A GET as API Gateway hands it on: {@code customer}'s verified claims, none when null. */
    private static APIGatewayV2HTTPEvent request(String routeKey, String rawPath, Map<String, String> pathParameters,
                                                 String customer) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString());
        if (customer != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.of("sub", customer, "email", customer + "@example.test"))
                            .withScopes(List.of()).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withRawPath(rawPath).withPathParameters(pathParameters).withHeaders(Map.of())
                .withRequestContext(context.build()).build();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response, int status, String schema) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode json = Json.read(response.getBody(), JsonNode.class);
        for (JsonNode required : openApi.at("/components/schemas/" + schema + "/required")) {
            assertThat(json.has(required.asText())).as("%s has %s", schema, required.asText()).isTrue();
        }
        return json;
    }

    @Test
    void catalogIsPublicAndShowsChoicesAndPricesButNoInternals() {
        JsonNode list = body(get("GET /v1/catalog/products", "/v1/catalog/products", null, null), 200, "ProductList");
        JsonNode product = null;
        for (JsonNode p : list.get("products")) {
            if (p.get("productId").asText().equals(productId)) {
                product = p;
            }
        }
        assertThat(product).isNotNull();
        body(get("GET /v1/catalog/products/{productId}", "/v1/catalog/products/" + productId,
                Map.of("productId", productId), null), 200, "Product");
        assertThat(product.get("type").asText()).isEqualTo("dedicated");
        assertThat(product.at("/options/0/key").asText()).isEqualTo("ipv4");
        assertThat(product.at("/options/0/kind").asText()).isEqualTo("integer");
        assertThat(product.at("/options/0/max").asInt()).isEqualTo(8);
        assertThat(product.at("/options/0/unitPrice/display").asText()).isEqualTo("2.00 EUR");
        assertThat(product.at("/options/1/choices/1/value").asText()).isEqualTo("20");
        assertThat(product.at("/options/1/choices/1/monthlyPrice/amountMinor").asLong()).isEqualTo(500);
        assertThat(product.at("/billingCycles/0/cycle").asText()).isEqualTo("monthly");
        assertThat(product.at("/billingCycles/1/price/display").asText()).isEqualTo("999.00 EUR");
        assertThat(product.toString()).doesNotContain("noc@example.test").doesNotContain("tenantos-demo")
                .doesNotContain("secret-tag").doesNotContain("moduleSettings").doesNotContain("tenantos");
    }

    @Test
    void unknownProductIs404Problem() {
        APIGatewayV2HTTPResponse response = get("GET /v1/catalog/products/{productId}", "/v1/catalog/products/nope",
                Map.of("productId", "nope"), null);
        body(response, 404, "Problem");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    /** Found by HostilePathParametersTest: an id past the table's key size limit was a 500. */
    @Test
    void anIdOfThousandsOfCharactersIsA404NamingTheParameter() {
        String id = "svc_" + "a".repeat(4_000);
        APIGatewayV2HTTPResponse response = get("GET /v1/services/{serviceId}", "/v1/services/" + id,
                Map.of("serviceId", id), alice);
        JsonNode problem = body(response, 404, "Problem");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("serviceId");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void ownerSeesOrderServiceAndSteps() {
        JsonNode order = body(get("GET /v1/orders/{orderId}", "/v1/orders/ord_" + id, Map.of("orderId", "ord_" + id),
                alice), 200, "Order");
        assertThat(order.at("/price/amountMinor").asLong()).isEqualTo(9900);
        JsonNode services = body(get("GET /v1/services", "/v1/services", null, alice), 200, "ServiceList");
        assertThat(services.get("services")).hasSize(1);
        body(services.get("services").get(0).toString(), "ServiceSummary");
        JsonNode service = body(get("GET /v1/services/{serviceId}", "/v1/services/svc_" + id,
                Map.of("serviceId", "svc_" + id), alice), 200, "Service");
        assertThat(service.get("status").asText()).isEqualTo("PENDING");
        assertThat(service.at("/steps/0/name").asText()).isEqualTo("create-user");
        assertThat(service.at("/options/ipv4").asText()).isEqualTo("2");
        assertThat(service.get("type").asText()).isEqualTo("dedicated");
        assertThat(Instant.parse(service.get("paidUntil").asText())).isEqualTo(paidUntil);
        assertThat(service.has("licence")).as("sold without one").isFalse();
        assertThat(service.toString()).doesNotContain("secret-tag").doesNotContain("moduleSettings")
                .doesNotContain("noc@example.test");
    }

    /** A service of alice's sold with a control-panel licence, as an accepted order stores it. */
    private Service licensed(String serviceId) {
        Product sample = Samples.dedicated(productId, "tenantos", "tenantos-demo", Map.of());
        Instant now = Instant.now();
        Service service = Samples.service(serviceId, alice, Samples.withLicence(Samples.sold(sample, Map.of()),
                new SoldLicence("licences-secret-conn", 55382, "BILLmanager 6 Hosting&Cloud")), ServiceStatus.ACTIVE);
        orders.place(new IdempotencyRecord(alice, "k-" + serviceId, "fp", service.orderId(), serviceId, now,
                now.plus(Duration.ofDays(1))), new Order(service.orderId(), serviceId, alice, service.customerEmail(),
                productId, sample.name(), "tenantos", BillingCycle.MONTHLY, new Price("EUR", 4900),
                service.hostname(), "debian-12", service.options(), now, now), service);
        return service;
    }

    private JsonNode licenceOf(Service service) {
        APIGatewayV2HTTPResponse response = get("GET /v1/services/{serviceId}", "/v1/services/" + service.serviceId(),
                Map.of("serviceId", service.serviceId()), alice);
        JsonNode json = body(response, 200, "Service");
        assertThat(response.getBody()).doesNotContain("licences-secret-conn").doesNotContain("KEY-")
                .doesNotContain("serverIp").doesNotContain("not enough funds");
        assertThat(json.findValues("key")).isEmpty();
        JsonNode licence = json.get("licence");
        body(licence.toString(), "ServiceLicence");
        return licence;
    }

    @Test
    void theOwnerSeesTheLicenceButNeitherItsKeyNorStaffsReasons() {
        Service active = licensed("svc_lic_" + id);
        Instant expires = Instant.parse("2031-04-10T00:00:00Z");
        records.save(active.serviceId(), new LicenceRecord(LicenceRecord.State.ACTIVE, "licences-secret-conn", 55382,
                "BILLmanager 6 Hosting&Cloud", "198.51.100.7", "lic-4711", expires, true, null, Instant.now()));
        secrets.put(active.serviceId(), LicenceRecord.KEY_SECRET, "KEY-" + UUID.randomUUID());
        Service pending = licensed("svc_pend_" + id);
        records.save(pending.serviceId(), new LicenceRecord(LicenceRecord.State.PENDING, "licences-secret-conn",
                55382, "BILLmanager 6 Hosting&Cloud", "198.51.100.8", null, null, false,
                "not enough funds on the reseller account", Instant.now()));

        JsonNode shown = licenceOf(active);
        assertThat(shown.get("panel").asText()).isEqualTo("BILLmanager 6 Hosting&Cloud");
        assertThat(shown.get("state").asText()).isEqualTo("active");
        assertThat(shown.get("licenceId").asText()).isEqualTo("lic-4711");
        assertThat(Instant.parse(shown.get("expiresAt").asText())).isEqualTo(expires);
        assertThat(shown.has("reason")).isFalse();

        JsonNode waiting = licenceOf(pending);
        assertThat(waiting.get("state").asText()).isEqualTo("pending");
        assertThat(waiting.get("reason").asText()).contains("on its way").contains("e-mail");
        assertThat(waiting.has("licenceId")).isFalse();

        records.save(active.serviceId(), new LicenceRecord(LicenceRecord.State.RETURNED, "licences-secret-conn",
                55382, "BILLmanager 6 Hosting&Cloud", "198.51.100.7", "lic-4711", expires, true, null, Instant.now()));
        JsonNode returned = licenceOf(active);
        assertThat(returned.get("state").asText()).isEqualTo("returned");
        assertThat(returned.has("licenceId")).as("another customer may hold it next").isFalse();
        assertThat(returned.has("expiresAt")).isFalse();
    }

    private static void body(String json, String schema) {
        JsonNode node = Json.read(json, JsonNode.class);
        for (JsonNode required : openApi.at("/components/schemas/" + schema + "/required")) {
            assertThat(node.has(required.asText())).as("%s has %s", schema, required.asText()).isTrue();
        }
    }

    @Test
    void anotherCustomerGets404NotForbidden() {
        body(get("GET /v1/orders/{orderId}", "/v1/orders/ord_" + id, Map.of("orderId", "ord_" + id), bob), 404, "Problem");
        body(get("GET /v1/services/{serviceId}", "/v1/services/svc_" + id, Map.of("serviceId", "svc_" + id), bob),
                404, "Problem");
        assertThat(Json.read(get("GET /v1/services", "/v1/services", null, bob).getBody(), JsonNode.class)
                .get("services")).isEmpty();
    }

    /**
     * Three counted windows of 1 TB in and 2 TB out on a 20 TB allowance, read on a fixed clock: the figures, the
     * hourly series, the projection from the rate since the service began, and 404 for anyone else.
     */
    @Test
    void theCustomerSeesThePeriodsTrafficAndWhereItIsHeading(LocalAws aws) {
        Instant created = Instant.parse("2026-11-20T08:00:00Z");
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        Clock fixed = Clock.fixed(now, java.time.ZoneOffset.UTC);
        var services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        var ledger = new DynamoDbUsageLedger(aws.dynamoDb(), aws.tableName(), Duration.ofDays(62));
        var reading = new ApiGatewayStorefrontRequestHandler(new StorefrontQueries(
                new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()),
                new DynamoDbStockLevels(aws.dynamoDb(), aws.tableName()),
                new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), fixed), services),
                new BandwidthReport(services, ledger, fixed),
                new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(aws.dynamoDb(), aws.tableName()))));
        String serviceId = "svc_bw_" + id;
        Product sample = Samples.dedicated(productId, "tenantos", "tenantos-demo", Map.of("roleId", 3));
        Service service = new Service(serviceId, "ord_bw_" + id, alice, "alice@example.test",
                Samples.sold(sample, Map.of("bandwidthTb", "20")), "bw.example.com", "debian-12", "Debian 12",
                ServiceStatus.PENDING, null, 1, created, created);
        new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), fixed).place(new IdempotencyRecord(alice,
                        "k-bw-" + id, "fp", service.orderId(), serviceId, created, created.plus(Duration.ofDays(1))),
                new Order(service.orderId(), serviceId, alice, "alice@example.test", productId, "Dedicated",
                        "tenantos", BillingCycle.MONTHLY, new Price("EUR", 9900), "bw.example.com", "debian-12",
                        Map.of("bandwidthTb", "20"), created, created), service);
        BillingPeriod period = BillingPeriod.containing(created, now);
        UsagePeriod opened = UsagePeriod.opened(serviceId, alice, productId, "tenantos-demo", period,
                Instant.parse("2026-12-05T10:00:00Z"), 20 * BandwidthPolicy.BYTES_PER_TB, BandwidthPolicy.DEFAULT);
        assertThat(ledger.open(opened)).isTrue();
        long tb = BandwidthPolicy.BYTES_PER_TB;
        List<UsageSample> windows = List.of(
                new UsageSample(Instant.parse("2026-12-05T10:00:00Z"), tb, 2 * tb),
                new UsageSample(Instant.parse("2026-12-05T10:05:00Z"), tb, 2 * tb),
                new UsageSample(Instant.parse("2026-12-05T10:10:00Z"), tb, 2 * tb));
        ledger.putSamples(serviceId, period, windows);
        assertThat(ledger.advance(opened, Instant.parse("2026-12-05T10:15:00Z"), 3 * tb, 6 * tb)).isPresent();

        JsonNode report = body(reading.handleRequest(bandwidthRequest(serviceId, alice),
                InvocationContext.forTest("storefront-api")), 200, "Bandwidth");

        assertThat(report.get("periodStart").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(report.get("periodEnd").asText()).isEqualTo("2026-12-20T00:00:00Z");
        assertThat(report.get("countedUpTo").asText()).isEqualTo("2026-12-05T10:15:00Z");
        assertThat(report.get("usedBytes").asLong()).isEqualTo(9 * tb);
        assertThat(report.get("includedBytes").asLong()).isEqualTo(20 * tb);
        assertThat(report.get("usedPercent").asDouble()).isEqualTo(45.0);
        assertThat(report.get("overageTb").asLong()).isZero();
        assertThat(report.get("overuseAction").asText()).isEqualTo("notify");
        // three busy windows in an otherwise quiet day: the typical (median) window moved nothing, so no more is projected
        assertThat(report.get("projectedBytes").asLong()).isEqualTo(9 * tb);
        assertThat(report.get("series")).singleElement().satisfies(point -> {
            assertThat(point.get("start").asText()).isEqualTo("2026-12-05T10:00:00Z");
            assertThat(point.get("bytesIn").asLong()).isEqualTo(3 * tb);
            assertThat(point.get("bytesOut").asLong()).isEqualTo(6 * tb);
        });
        body(reading.handleRequest(bandwidthRequest(serviceId, bob), InvocationContext.forTest("storefront-api")),
                404, "Problem");
    }

    private static APIGatewayV2HTTPEvent bandwidthRequest(String serviceId, String customer) {
        return request("GET /v1/services/{serviceId}/bandwidth", "/v1/services/" + serviceId + "/bandwidth",
                Map.of("serviceId", serviceId), customer);
    }

    @Test
    void customerRouteWithoutVerifiedSubjectIs401() {
        body(get("GET /v1/services", "/v1/services", null, null), 401, "Problem");
    }
}
