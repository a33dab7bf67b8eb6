package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.LicenceOffer;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.json.Json;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drives TenantOS orders through a running laptop runtime over HTTP, on a product and connection of the test's own
 * (fresh ids, so server claims of earlier tests never count) pointing at the runtime's simulator.
 */
final class TenantOsOrders {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalRuntime runtime;
    final String productId;
    final String connectionId;
    /** This test's own staff department, so its mailbox holds only this test's staff mail. */
    final String department;

    TenantOsOrders(LocalRuntime runtime, String serverTag, Duration stockRetry) {
        this(runtime, serverTag, stockRetry, Duration.ofMinutes(30));
    }

    TenantOsOrders(LocalRuntime runtime, String serverTag, Duration stockRetry, Duration stockDeadline) {
        this.runtime = runtime;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.productId = "it-" + serverTag + "-" + suffix;
        this.connectionId = "it-conn-" + suffix;
        this.department = "noc-" + suffix + "@hostwright.local";
        var aws = runtime.aws();
        new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).saveConnection(new Connection(connectionId,
                "tenantos", "test", simulator(runtime).baseUrl(), "env:" + LocalRuntime.simulatorKeyVariable("tenantos"),
                department, Map.of("stockOwnerUserId", 1, "tagsToAddAfterProvisioning", List.of("assigned"),
                "tagsToRemoveAfterProvisioning", List.of("forRent"), "tagsToAddAfterTermination", List.of("forRent"),
                "tagsToRemoveAfterTermination", List.of("assigned"))));
        // the connection's OS templates, as its first sync would find profiles 12 and 13, under the seed's ids
        DynamoDbConnectionTemplates templates = new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName());
        templates.add(new ConnectionTemplate(connectionId, "debian-12", "profile-12", "12", "Debian 12 (Bookworm)",
                null, 10, List.of(), false, Instant.now(), null));
        templates.add(new ConnectionTemplate(connectionId, "ubuntu-24.04", "profile-13", "13",
                "Ubuntu 24.04 (Noble Numbat)", "Ubuntu 24.04 LTS", 20, List.of(), false, Instant.now(), null));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("matchTags", List.of("forRent", serverTag));
        settings.put("excludeTags", List.of("maintenance"));
        settings.put("roleId", 3);
        settings.put("installDeadline", "PT10M");
        settings.put("stockDeadline", stockDeadline.toString());
        settings.put("pollInterval", "PT0.5S");
        settings.put("stockRetry", stockRetry.toString());
        settings.put("lifecycle", LIFECYCLE);
        new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).saveProduct(new Product(productId,
                "Test " + serverTag, "", ServiceType.DEDICATED, "tenantos", connectionId, department,
                List.of(),
                List.of(new IntegerOption("ipv4", "IPv4 addresses", 1, 4, 1, 1, null),
                        new ChoiceOption("bandwidthTb", "Traffic", List.of(new ChoiceOption.Choice("10", null, null),
                                new ChoiceOption.Choice("20", null, null)), null)),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 9900)), settings));
    }

    /** From now on the product is sold with {@code policy}: how its traffic is metered and what overuse does. */
    TenantOsOrders withBandwidth(BandwidthPolicy policy) {
        var catalog = new DynamoDbCatalogRepository(runtime.aws().dynamoDb(), runtime.aws().tableName());
        Product p = catalog.findProduct(productId).orElseThrow();
        catalog.saveProduct(new Product(p.productId(), p.name(), p.description(), p.type(), p.backend(),
                p.connectionId(), p.department(), p.osTemplates(), p.options(), p.prices(), p.moduleSettings(),
                p.visible(), p.sortOrder(), p.stockAlertBelow(), p.withheldOsTemplates(), policy));
        return this;
    }

    /**
     * From now on the product also sells the seed's control-panel licences ({@code licences-demo}) as option
     * {@code controlPanel}: none, or ispmanager 6 Lite (55227) of which the licence simulator starts with free ones.
     */
    TenantOsOrders withControlPanel() {
        var catalog = new DynamoDbCatalogRepository(runtime.aws().dynamoDb(), runtime.aws().tableName());
        Product p = catalog.findProduct(productId).orElseThrow();
        List<OrderOption> options = new ArrayList<>(p.options());
        options.add(new ChoiceOption("controlPanel", "Control panel", List.of(new ChoiceOption.Choice("none", null,
                null), new ChoiceOption.Choice("55227", "ispmanager 6 Lite", new Price("EUR", 900))), "none"));
        catalog.saveProduct(new Product(p.productId(), p.name(), p.description(), p.type(), p.backend(),
                p.connectionId(), p.department(), p.osTemplates(), options, p.prices(), p.moduleSettings(),
                p.visible(), p.sortOrder(), p.stockAlertBelow(), p.withheldOsTemplates(), p.bandwidth(),
                new LicenceOffer("controlPanel", "licences-demo")));
        return this;
    }

    /** The runtime's TenantOS simulator. */
    static TenantOsSimulator simulator(LocalRuntime runtime) {
        return runtime.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
    }

    /** Suspend takes ports down and powers off; terminate powers off, renames, wipes with profile 90, removes the user. */
    static final Map<String, Object> LIFECYCLE = Map.of("disablePortsOnSuspend", true, "shutdownOnSuspend", true,
            "shutdownOnTermination", true, "terminationHostname", "free-{serverId}-{date}", "terminationProfileId", 90,
            "wipeDeadline", "PT10M", "removeUserOnTermination", true);

    /** A token with the staff scope. */
    String staffToken() {
        return staffToken("staff-" + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A token with the staff scope for the member of staff {@code subject}. */
    String staffToken(String subject) {
        return runtime.jwt().issue(subject, "noc@hostwright.local", "admin", Duration.ofMinutes(30));
    }

    /** One API call with a fresh Idempotency-Key on writes, expecting {@code expected}. */
    JsonNode call(String method, String path, String token, String body, int expected) {
        return send(method, path, token, body, expected, "POST".equals(method) || "PUT".equals(method)
                ? UUID.randomUUID().toString() : null);
    }

    /** One API call with the given Idempotency-Key (none when null). */
    JsonNode call(String method, String path, String token, String body, int expected, String key) {
        return send(method, path, token, body, expected, key);
    }

    record Placed(String customer, String email, String token, String orderId, String serviceId) {
    }

    /** An answer as it came: its status and body. */
    record Answer(int status, JsonNode body) {
    }

    /** One API call whatever it answers. */
    Answer attempt(String method, String path, String token, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.apiUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? Json.MAPPER.nullNode()
                    : Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A customer's order body for this product. */
    String orderBody(String hostname, int ipv4) {
        return """
                {"productId":"%s","billingCycle":"monthly","hostname":"%s","os":"debian-12",
                 "options":{"ipv4":%d,"bandwidthTb":20}}""".formatted(productId, hostname, ipv4);
    }

    Placed order(String hostname, int ipv4) {
        return place(hostname, ipv4, "");
    }

    /** With a control-panel licence of this tariff (see {@link #withControlPanel}). */
    Placed order(String hostname, int ipv4, String controlPanel) {
        return place(hostname, ipv4, ",\"controlPanel\":\"" + controlPanel + "\"");
    }

    private Placed place(String hostname, int ipv4, String moreOptions) {
        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customer + "@example.com";
        String token = runtime.jwt().issue(customer, email, null, Duration.ofMinutes(30));
        JsonNode accepted = send("POST", "/v1/orders", token, """
                {"productId":"%s","billingCycle":"monthly","hostname":"%s","os":"debian-12",
                 "options":{"ipv4":%d,"bandwidthTb":20%s}}"""
                .formatted(productId, hostname, ipv4, moreOptions), 202);
        return new Placed(customer, email, token, accepted.path("orderId").asText(), accepted.path("serviceId").asText());
    }

    /**
     * Whether the ledger recorded the end of every step shown (none STARTED or WAITING). A step's consequences
     * (the service ACTIVE, the operation ended) are written before its end is, so wait for this before asserting on
     * the steps of a service or operation that just got there.
     */
    static boolean stepsSettled(JsonNode withSteps) {
        for (JsonNode step : withSteps.path("steps")) {
            String status = step.path("status").asText();
            if (status.equals("STARTED") || status.equals("WAITING")) {
                return false;
            }
        }
        return true;
    }

    JsonNode service(Placed placed) {
        return send("GET", "/v1/services/" + placed.serviceId(), placed.token(), null, 200);
    }

    /** Polls the service until {@code until} holds, failing with its last state after {@code within}. */
    JsonNode awaitService(Placed placed, Duration within, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last;
        do {
            last = service(placed);
            if (until.test(last)) {
                return last;
            }
            sleep(Duration.ofMillis(250));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("service " + placed.serviceId() + " did not get there within " + within + ": " + last);
    }

    /** Polls {@code GET path} until {@code until} holds, failing with its last answer after {@code within}. */
    JsonNode await(String path, String token, Duration within, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last;
        do {
            last = send("GET", path, token, null, 200, null);
            if (until.test(last)) {
                return last;
            }
            sleep(Duration.ofMillis(250));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " did not get there within " + within + ": " + last);
    }

    /** The mails sent to an address, waiting until at least {@code count} arrived. */
    List<JsonNode> awaitMails(String to, int count, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<JsonNode> mails;
        do {
            mails = mails(to);
            if (mails.size() >= count) {
                return mails;
            }
            sleep(Duration.ofMillis(250));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(count + " mails to " + to + " expected within " + within + ", got " + mails.size());
    }

    /**
     * Waits until the queue (a {@code Manifest} queue name) holds no message, visible, in flight or delayed: its
     * poller has handled every message and none sent a follow-up. A step that waits sends its follow-up before its
     * own message is deleted, so a step queue is never empty while a step still polls; a mail that could not go
     * yet stays on the queue. Call it once nothing sends any more (the operation or order ended), then assert what
     * must not have happened.
     */
    void awaitQueueDrained(String queue, Duration within) {
        var aws = runtime.aws();
        String url = aws.queueUrl(queue);
        Instant deadline = Instant.now().plus(within);
        Map<QueueAttributeName, String> depth;
        do {
            depth = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            if (depth.values().stream().allMatch("0"::equals)) {
                return;
            }
            sleep(Duration.ofMillis(50));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the " + queue + " queue did not drain within " + within + ": " + depth);
    }

    List<JsonNode> mails(String to) {
        JsonNode all = send("GET", "/local/emails?to=" + to, null, null, 200);
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).toList();
    }

    private JsonNode send(String method, String path, String token, String body, int expected) {
        return send(method, path, token, body, expected, "POST".equals(method) ? UUID.randomUUID().toString() : null);
    }

    private JsonNode send(String method, String path, String token, String body, int expected, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.apiUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
