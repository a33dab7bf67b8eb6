package io.hostwright.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the routes act on, made the way staff and customers make it wherever there is a route for it: the laptop
 * seed's connections (one per registered back-end) and products, created through {@code POST /v1/admin/…} and so
 * proved valid; a connection and product of the fake back-end; OS templates on each; a customer's active, suspended
 * and second service with their orders; a staff operation still queued; a sync run. Ids carry a prefix of their own,
 * so fixtures never meet.
 */
final class Fixture {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final String prefix;
    final String customer;
    final String fakeConnection;
    final String tenantOsConnection;
    final String spareConnection;
    final String fakeProduct;
    final String tenantOsProduct;
    final String spareProduct;
    final String templateId = "debian-12";
    /** The laptop seed's connections and products, renamed: one or more per registered back-end. */
    final List<String> seedConnections = new ArrayList<>();
    final List<String> seedProducts = new ArrayList<>();
    final String vpsProduct;
    final String service;
    final String suspendedService;
    final String busyService;
    final String order;
    final String operation;
    final String syncRun;
    /** Each connection's and product's document as stored, and its version (its ETag), by id. */
    final Map<String, ObjectNode> documents = new HashMap<>();
    final Map<String, Long> versions = new HashMap<>();

    private final HostileApi api;

    private Fixture(HostileApi api) {
        this.api = api;
        prefix = "fx" + COUNT.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        customer = prefix + "-customer";
        fakeConnection = prefix + "-fake";
        spareConnection = prefix + "-spare";
        Map<String, String> renamed = seedConnections();
        tenantOsConnection = renamed.get("tenantos-demo");
        create("connections", "connectionId", fakeConnection(fakeConnection, "Fake back-end of the hostile-input tests"));
        create("connections", "connectionId", fakeConnection(spareConnection, "Nothing uses it"));
        seedTemplates(renamed);

        ObjectNode firstTenantOs = seedProducts(renamed);
        tenantOsProduct = firstTenantOs.get("productId").asText();
        vpsProduct = prefix + "-vps-m";
        fakeProduct = prefix + "-fake-dedi";
        spareProduct = prefix + "-spare-dedi";
        ObjectNode fake = fakeProduct(firstTenantOs);
        create("products", "productId", fake);
        create("products", "productId", fake.deepCopy().put("productId", spareProduct));

        Product sold = new DynamoDbCatalogRepository(api.aws().dynamoDb(), api.aws().tableName())
                .findProduct(fakeProduct).orElseThrow();
        String services = "svc_" + prefix.replace('-', '_');
        service = place(sold, services + "_main", ServiceStatus.ACTIVE);
        suspendedService = place(sold, services + "_susp", ServiceStatus.SUSPENDED);
        busyService = place(sold, services + "_busy", ServiceStatus.ACTIVE);
        order = "ord_" + service;

        operation = field(api.unrecorded(a -> a.call(new HostileApi.Request(
                "POST /v1/admin/services/{serviceId}/terminate", Map.of("serviceId", busyService), Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", prefix + "-terminate"),
                "{\"reason\": \"fixture\"}", false, HostileApi.STAFF))), 202, "operationId");
        syncRun = field(api.unrecorded(a -> a.call(new HostileApi.Request(
                "POST /v1/admin/connections/{connectionId}/sync", Map.of("connectionId", tenantOsConnection), Map.of(),
                Map.of(), null, false, HostileApi.STAFF))), 202, "runId");
        api.aws().purgeQueues();
    }

    /** The seed's connections under this fixture's ids, pointing nowhere; their new ids by seed id. */
    private Map<String, String> seedConnections() {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (JsonNode seed : seed("connections.json").get("connections")) {
            ObjectNode connection = seed.deepCopy();
            String id = prefix + "-" + connection.get("connectionId").asText();
            renamed.put(connection.get("connectionId").asText(), id);
            connection.put("connectionId", id).put("baseUrl", "http://127.0.0.1:9");
            create("connections", "connectionId", connection);
            seedConnections.add(id);
        }
        return renamed;
    }

    private static ObjectNode fakeConnection(String id, String name) {
        return Json.MAPPER.createObjectNode().put("connectionId", id).put("backend", HostileApi.FAKE_BACKEND)
                .put("name", name).put("baseUrl", "http://127.0.0.1:9").put("secretRef", "env:NONE")
                .put("department", "noc@example.test");
    }

    /** The seed's OS templates on their connections, TenantOS's on the fake connection too (as a sync finds them). */
    private void seedTemplates(Map<String, String> renamed) {
        DynamoDbConnectionTemplates templates = new DynamoDbConnectionTemplates(api.aws().dynamoDb(),
                api.aws().tableName());
        for (JsonNode seed : seed("templates.json").get("templates")) {
            String connection = renamed.get(seed.get("connectionId").asText());
            List<String> onto = connection.equals(renamed.get("tenantos-demo"))
                    ? List.of(connection, fakeConnection) : List.of(connection);
            for (String id : onto) {
                templates.add(new ConnectionTemplate(id, seed.get("templateId").asText(),
                        seed.get("internalName").asText(), seed.get("upstreamId").asText(),
                        seed.path("upstreamName").asText(null), seed.path("displayName").asText(null),
                        seed.path("sortOrder").asInt(), List.of(), false, Instant.now(), null));
            }
        }
    }

    /** The seed's products on the renamed connections; returns the first TenantOS one. */
    private ObjectNode seedProducts(Map<String, String> renamed) {
        ObjectNode firstTenantOs = null;
        for (JsonNode seed : seed("catalog.json").get("products")) {
            ObjectNode product = seed.deepCopy();
            product.put("productId", prefix + "-" + product.get("productId").asText());
            product.put("connectionId", renamed.get(product.get("connectionId").asText()));
            if (product.get("licence") instanceof ObjectNode licence) {
                licence.put("connectionId", renamed.get(licence.get("connectionId").asText()));
            }
            create("products", "productId", product);
            seedProducts.add(product.get("productId").asText());
            if (firstTenantOs == null && "tenantos".equals(product.get("backend").asText())) {
                firstTenantOs = product;
            }
        }
        return firstTenantOs;
    }

    /** A TenantOS product moved to the fake back-end (whose client functions record what they are asked). */
    private ObjectNode fakeProduct(ObjectNode tenantOs) {
        ObjectNode fake = tenantOs.deepCopy().put("productId", fakeProduct).put("backend", HostileApi.FAKE_BACKEND)
                .put("connectionId", fakeConnection);
        fake.putObject("moduleSettings");
        fake.remove("licence");
        ArrayNode options = fake.withArray("options");
        for (int i = options.size() - 1; i >= 0; i--) {
            if ("controlPanel".equals(options.get(i).path("key").asText())) {
                options.remove(i);
            }
        }
        return fake;
    }

    static Fixture create(HostileApi api) {
        return new Fixture(api);
    }

    private void create(String collection, String idField, ObjectNode document) {
        HostileApi.Answer created = api.unrecorded(a -> a.call(new HostileApi.Request(
                "POST /v1/admin/" + collection, Map.of(), Map.of(), Map.of("content-type", "application/json"),
                Json.write(document), false, HostileApi.STAFF)));
        if (created.status() != 201) {
            throw new IllegalStateException("the fixture's " + document.get(idField) + " was refused: "
                    + created.status() + " " + created.body());
        }
        String id = document.get(idField).asText();
        documents.put(id, document);
        versions.put(id, Long.parseLong(created.headers().get("ETag").replace("\"", "")));
    }

    /** A service of the customer, stored as an accepted order stores it. */
    private String place(Product product, String serviceId, ServiceStatus status) {
        Service service = Samples.service(serviceId, customer, Samples.sold(product, Map.of("ipv4", "2")), status);
        Order order = new Order(service.orderId(), serviceId, customer, service.customerEmail(), product.productId(),
                product.name(), product.backend(), BillingCycle.MONTHLY, product.prices().get(BillingCycle.MONTHLY),
                service.hostname(), service.osTemplateId(), service.options(), service.createdAt(),
                service.createdAt());
        new DynamoDbOrderRepository(api.aws().dynamoDb(), api.aws().tableName(), Clock.systemUTC())
                .place(new IdempotencyRecord(customer, "k-" + serviceId, "fp", order.orderId(), serviceId,
                        service.createdAt(), service.createdAt().plus(Duration.ofDays(3650))), order, service);
        return serviceId;
    }

    private static String field(HostileApi.Answer answer, int status, String name) {
        if (answer.status() != status) {
            throw new IllegalStateException("fixture request answered " + answer.status() + " " + answer.body());
        }
        return Json.read(answer.body(), JsonNode.class).get(name).asText();
    }

    private static JsonNode seed(String file) {
        Path path = LocalAws.repositoryRoot().resolve("infrastructure/local/seed").resolve(file);
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the laptop seed " + path, e);
        }
    }
}
