package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo through the real manifest functions, in-process on a free port: token, catalog, order, the order
 * read back, the confirmation e-mail from the mailer, the sweeper run on demand.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalRuntimeEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
    void ordersAServerAndGetsTheConfirmationMail() throws Exception {
        String customer = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customer + "@example.com";
        String token = json(send(post("/local/token", "{\"sub\":\"" + customer + "\",\"email\":\"" + email + "\"}")), 200)
                .path("token").asText();

        JsonNode catalog = json(send(get("/v1/catalog/products")), 200);
        runtime.seededProducts().forEach(p -> assertThat(catalog.toString()).contains("\"" + p.productId() + "\""));

        HttpResponse<String> unauthenticated = send(post("/v1/orders", "{}"));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);

        String product = runtime.seededProducts().getFirst().productId();
        String os = runtime.seededProducts().getFirst().osTemplates().getFirst().id();
        JsonNode accepted = json(send(post("/v1/orders", "{\"productId\":\"" + product + "\",\"billingCycle\":\"monthly\","
                + "\"hostname\":\"web1.example.com\",\"os\":\"" + os + "\"}")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())), 202);
        String orderId = accepted.path("orderId").asText();
        assertThat(orderId).isNotBlank();

        JsonNode order = json(send(get("/v1/orders/" + orderId).header("Authorization", "Bearer " + token)), 200);
        assertThat(order.path("productId").asText()).isEqualTo(product);
        JsonNode services = json(send(get("/v1/services").header("Authorization", "Bearer " + token)), 200);
        assertThat(services.at("/services/0/serviceId").asText()).isEqualTo(accepted.path("serviceId").asText());
        assertThat(services.at("/services/0/status").asText()).isIn("PENDING", "PROVISIONING", "ACTIVE");

        String otherToken = json(send(post("/local/token", "{\"sub\":\"someone-else\",\"email\":\"x@example.com\"}")),
                200).path("token").asText();
        assertThat(send(get("/v1/orders/" + orderId).header("Authorization", "Bearer " + otherToken)).statusCode())
                .as("another customer's order is not found").isEqualTo(404);
        assertThat(send(get("/v1/services/" + accepted.path("serviceId").asText())
                .header("Authorization", "Bearer " + otherToken)).statusCode()).isEqualTo(404);

        Eventually.await("the order confirmation mail to " + email, Duration.ofSeconds(15), () -> {
            try {
                return json(send(get("/local/emails?to=" + email)), 200).size() > 0;
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        JsonNode mails = json(send(get("/local/emails?to=" + email)), 200);
        List<JsonNode> confirmations = new ArrayList<>();
        mails.forEach(mail -> {
            if (mail.path("subject").asText().contains("is confirmed")) {
                confirmations.add(mail);
            }
        });
        assertThat(confirmations).singleElement().satisfies(mail ->
                assertThat(mail.path("text").asText()).contains(orderId).contains("web1.example.com"));

        JsonNode sweep = json(send(post("/local/schedules/order-dispatch-sweeper/run", "")), 200);
        assertThat(sweep.path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void listsEveryRegisteredBackEndsSimulatorWhichAnswersItsOwnApi() throws Exception {
        JsonNode simulators = json(send(get("/local/simulators")), 200);

        assertThat(simulators.size()).isEqualTo(RegisteredSimulators.ALL.size());
        for (var launcher : RegisteredSimulators.ALL) {
            String url = simulators.path(launcher.backend()).asText();
            assertThat(url).isEqualTo(runtime.simulators().get(launcher.backend()).baseUrl());
            // its control API is reachable from outside, for stock and faults
            assertThat(send(HttpRequest.newBuilder(java.net.URI.create(url + "/_simulator/state")).GET()).statusCode())
                    .as(launcher.backend()).isEqualTo(200);
        }
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(runtime.apiUri().resolve(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(runtime.apiUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return Json.MAPPER.readTree(response.body());
    }
}
