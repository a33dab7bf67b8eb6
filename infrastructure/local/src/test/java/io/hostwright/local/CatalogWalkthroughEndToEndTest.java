package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's catalog walkthrough, through the laptop runtime's API alone: add a connection to the TenantOS
 * simulator, create a product on it, run the sync, disable a template, remove one on the simulator, sync again, and
 * see the public catalog follow; an order for the removed template is refused naming {@code os}, one for a product
 * out of stock is taken and waits for stock.
 */
@ExtendWith(LocalAwsExtension.class)
class CatalogWalkthroughEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void staffBuildACatalogOnTheSimulatorAndItFollowsTheBackEnd() throws Exception {
        String staff = runtime.jwt().issue("sam", "sam@hostwright.local", "admin", Duration.ofMinutes(10));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String connection = "fra-" + suffix;
        String product = "ryzen-" + suffix;
        String simulator = json(send("GET", "/local/simulators", null, null), 200).path("tenantos").asText();

        json(send("POST", "/v1/admin/connections", staff, """
                {"connectionId": "%s", "backend": "tenantos", "name": "Frankfurt", "baseUrl": "%s",
                 "secretRef": "env:HOSTWRIGHT_SIMULATOR_TENANTOS_KEY", "department": "noc@hostwright.local",
                 "settings": {"stockOwnerUserId": 1}}""".formatted(connection, simulator)), 201);
        JsonNode test = json(send("POST", "/v1/admin/connections/" + connection + "/test", staff, ""), 200);
        assertThat(test.path("authenticated").asBoolean()).as(test.toString()).isTrue();
        json(send("POST", "/v1/admin/products", staff, """
                {"productId": "%s", "name": "Ryzen 9 7950X", "type": "dedicated", "backend": "tenantos",
                 "connectionId": "%s", "prices": {"monthly": {"currency": "EUR", "amountMinor": 12900}},
                 "moduleSettings": {"matchTags": ["forRent", "ryzen7950x"], "roleId": 3,
                                    "lifecycle": {"terminationProfileId": 90}}}""".formatted(product, connection)),
                201);
        assertThat(catalogProduct(product).path("osTemplates")).as("nothing offered before a sync").isEmpty();

        JsonNode first = sync(connection, staff);
        assertThat(first.path("added").asInt()).isEqualTo(4);
        assertThat(ids(catalogProduct(product).path("osTemplates")))
                .containsExactly("profile-12", "profile-13", "profile-14", "profile-15");
        assertThat(catalogProduct(product).path("availability").path("status").asText()).isEqualTo("in stock");
        assertThat(catalogProduct(product).path("availability").path("count").asText()).isEqualTo("2-5");

        JsonNode disabled = json(send("PUT", "/v1/admin/connections/" + connection + "/templates/profile-15", staff,
                "{\"enabled\": false}"), 200);
        assertThat(disabled.path("state").asText()).isEqualTo("disabled by staff");
        assertThat(ids(catalogProduct(product).path("osTemplates"))).doesNotContain("profile-15");

        HttpResponse<String> removed = HTTP.send(HttpRequest.newBuilder(URI.create(simulator + "/_simulator/profiles/14"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).as(removed.body()).isLessThan(300);
        JsonNode second = sync(connection, staff);
        assertThat(second.path("removed").asInt()).isEqualTo(1);

        assertThat(ids(catalogProduct(product).path("osTemplates"))).containsExactly("profile-12", "profile-13");
        JsonNode templates = json(send("GET", "/v1/admin/connections/" + connection + "/templates", staff, null), 200);
        assertThat(templates.path("templates").findValuesAsText("state"))
                .containsExactly("enabled", "enabled", "gone upstream", "disabled by staff");
        JsonNode runs = json(send("GET", "/v1/admin/connections/" + connection + "/sync-runs", staff, null), 200);
        assertThat(runs.path("runs").findValuesAsText("status")).containsExactly("SUCCEEDED", "SUCCEEDED");

        String customer = runtime.jwt().issue("cust-" + suffix, "cust-" + suffix + "@example.com", null,
                Duration.ofMinutes(10));
        JsonNode refused = json(order(customer, product, "profile-14"), 400);
        assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("os");
        JsonNode accepted = json(order(customer, product, "profile-12"), 202);
        assertThat(accepted.path("waitingForStock").asBoolean()).isFalse();
    }

    @Test
    void aProductOutOfStockIsOnRequestAndItsOrderWaitsForStock() throws Exception {
        String staff = runtime.jwt().issue("sam", "sam@hostwright.local", "admin", Duration.ofMinutes(10));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String product = "none-" + suffix;
        json(send("POST", "/v1/admin/products", staff, """
                {"productId": "%s", "name": "Sold out", "type": "dedicated", "backend": "tenantos",
                 "connectionId": "tenantos-demo", "prices": {"monthly": {"currency": "EUR", "amountMinor": 100}},
                 "moduleSettings": {"matchTags": ["forRent", "no-such-cpu"], "roleId": 3}}""".formatted(product)),
                201);
        sync("tenantos-demo", staff);

        JsonNode listed = catalogProduct(product);
        assertThat(listed.path("availability").path("status").asText()).isEqualTo("on request");
        assertThat(ids(listed.path("osTemplates"))).as("the seed's templates, under the seed's ids")
                .contains("debian-12", "ubuntu-24.04");
        String customer = runtime.jwt().issue("cust-" + suffix, "cust-" + suffix + "@example.com", null,
                Duration.ofMinutes(10));
        JsonNode accepted = json(order(customer, product, "debian-12"), 202);
        assertThat(accepted.path("waitingForStock").asBoolean()).isTrue();
    }

    /** Runs the connection's sync now and waits for its run to finish. */
    private static JsonNode sync(String connection, String staff) throws Exception {
        HttpResponse<String> accepted = send("POST", "/v1/admin/connections/" + connection + "/sync", staff, "");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(json(accepted, 202).path("status").asText()).isEqualTo("QUEUED");
        JsonNode[] run = new JsonNode[1];
        Eventually.await("sync " + location, WAIT, () -> {
            try {
                run[0] = json(send("GET", location, staff, null), 200);
                return !run[0].path("status").asText().equals("QUEUED");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(run[0].path("status").asText()).as(run[0].toString()).isEqualTo("SUCCEEDED");
        return run[0];
    }

    private static JsonNode catalogProduct(String productId) throws Exception {
        return json(send("GET", "/v1/catalog/products/" + productId, null, null), 200);
    }

    private static HttpResponse<String> order(String token, String product, String os) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(runtime.apiUri().resolve("/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"productId": "%s", "billingCycle": "monthly", "hostname": "web1.example.com", "os": "%s"}"""
                        .formatted(product, os)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> ids(JsonNode templates) {
        return templates.findValuesAsText("id");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.apiUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.MAPPER.readTree(response.body());
    }
}
