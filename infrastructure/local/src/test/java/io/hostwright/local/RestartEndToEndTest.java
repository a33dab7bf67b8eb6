package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop runtime stopped and started again on the same data folder (a temporary one) is the same suite: the
 * customer's service, the e-mails sent, the idempotency key's answer and the TenantOS server the order got are all
 * still there. {@code --fresh} (here {@code withDataDir(folder, true)}) starts over from the demo seed.
 */
class RestartEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDER = "{\"productId\":\"ded-e2388g\",\"billingCycle\":\"monthly\","
            + "\"hostname\":\"kept.example.com\",\"os\":\"debian-12\"}";
    private static final String KEY = "restart-order-1";

    @Test
    void aRestartOnTheSameDataFolderShowsTheSameServicesMailsIdempotencyAnswersAndServer(@TempDir Path data)
            throws Exception {
        LocalRuntime.Settings settings = onStablePorts(LocalRuntime.Settings.onFreePorts().withDataDir(data, false));

        String orderId;
        String serviceId;
        JsonNode servicesBefore;
        List<String> mailsBefore;
        SimulatedServer serverBefore;
        String tenantOsUrl;
        try (LocalRuntime first = LocalRuntime.start(settings)) {
            assertThat(first.dataFolder()).contains(data.toAbsolutePath());
            assertThat(first.seededThisStart()).isTrue();
            String token = token(first);
            JsonNode accepted = json(send(post(first, "/v1/orders", ORDER).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", KEY)), 202);
            orderId = accepted.path("orderId").asText();
            serviceId = accepted.path("serviceId").asText();
            Eventually.await("the service ACTIVE", Duration.ofSeconds(60),
                    () -> status(first, token, serviceId).equals("ACTIVE"));
            Eventually.await("every mail of the order sent", Duration.ofSeconds(30), () -> mailQueueDrained(first));
            servicesBefore = json(send(get(first, "/v1/services").header("Authorization", "Bearer " + token)), 200);
            mailsBefore = subjects(first);
            TenantOsSimulator tenantOs = first.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
            serverBefore = tenantOs.servers().stream()
                    .filter(s -> "kept.example.com".equals(s.hostname())).findFirst().orElseThrow();
            tenantOsUrl = tenantOs.baseUrl();
        }

        try (LocalRuntime second = LocalRuntime.start(settings)) {
            assertThat(second.seededThisStart()).as("the demo seed is not loaded over the kept catalog").isFalse();
            assertThat(second.seededProducts()).extracting(p -> p.productId()).contains("ded-e2388g");
            String token = token(second);

            JsonNode servicesAfter = json(send(get(second, "/v1/services").header("Authorization", "Bearer " + token)),
                    200);
            assertThat(servicesAfter.path("services")).hasSize(1);
            assertThat(servicesAfter.at("/services/0/serviceId").asText()).isEqualTo(serviceId);
            assertThat(servicesAfter.at("/services/0/status").asText()).isEqualTo("ACTIVE");
            assertThat(servicesAfter.at("/services/0/hostname")).isEqualTo(servicesBefore.at("/services/0/hostname"));

            assertThat(subjects(second)).as("the mails sent before the restart").containsExactlyElementsOf(mailsBefore);

            JsonNode replayed = json(send(post(second, "/v1/orders", ORDER).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", KEY)), 202);
            assertThat(replayed.path("orderId").asText()).as("the first order, not a new one").isEqualTo(orderId);
            assertThat(replayed.path("serviceId").asText()).isEqualTo(serviceId);
            assertThat(json(send(get(second, "/v1/services").header("Authorization", "Bearer " + token)), 200)
                    .path("services")).hasSize(1);

            TenantOsSimulator tenantOs = second.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
            assertThat(tenantOs.baseUrl()).as("the simulator kept its port").isEqualTo(tenantOsUrl);
            SimulatedServer serverAfter = tenantOs.server(serverBefore.id());
            assertThat(serverAfter.userId()).as("the server stays assigned").isEqualTo(serverBefore.userId());
            assertThat(serverAfter.tags()).isEqualTo(serverBefore.tags());
            assertThat(serverAfter.os()).isEqualTo(serverBefore.os());
            assertThat(json(send(get(second, "/v1/services/" + serviceId).header("Authorization", "Bearer " + token)),
                    200).path("status").asText()).isEqualTo("ACTIVE");
        }

        try (LocalRuntime fresh = LocalRuntime.start(settings.withDataDir(data, true))) {
            assertThat(fresh.seededThisStart()).isTrue();
            String token = token(fresh);
            assertThat(json(send(get(fresh, "/v1/services").header("Authorization", "Bearer " + token)), 200)
                    .path("services")).isEmpty();
            assertThat(subjects(fresh)).isEmpty();
            assertThat(fresh.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class)
                    .server(serverBefore.id()).userId()).as("back to the demo stock").isNotEqualTo(serverBefore.userId());
        }
    }

    /** Every simulator on a port chosen now and kept for each start, as the laptop's fixed ports are. */
    private static LocalRuntime.Settings onStablePorts(LocalRuntime.Settings settings) throws IOException {
        LocalRuntime.Settings stable = settings;
        for (var launcher : RegisteredSimulators.ALL) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                stable = stable.withSimulatorPort(launcher.backend(), socket.getLocalPort());
            }
        }
        return stable;
    }

    private static boolean mailQueueDrained(LocalRuntime runtime) {
        var depth = runtime.aws().sqs().getQueueAttributes(g -> g.queueUrl(runtime.aws().queueUrl("mail"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return depth.values().stream().allMatch("0"::equals) && !subjects(runtime).isEmpty();
    }

    private static String token(LocalRuntime runtime) throws Exception {
        return json(send(post(runtime, "/local/token", "{\"sub\":\"restart-alice\",\"email\":\"alice@example.com\"}")),
                200).path("token").asText();
    }

    private static String status(LocalRuntime runtime, String token, String serviceId) {
        try {
            return json(send(get(runtime, "/v1/services/" + serviceId).header("Authorization", "Bearer " + token)), 200)
                    .path("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> subjects(LocalRuntime runtime) {
        try {
            List<String> subjects = new ArrayList<>();
            json(send(get(runtime, "/local/emails")), 200).forEach(m -> subjects.add(m.path("subject").asText()));
            return subjects;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder get(LocalRuntime runtime, String path) {
        return HttpRequest.newBuilder(runtime.apiUri().resolve(path)).GET();
    }

    private static HttpRequest.Builder post(LocalRuntime runtime, String path, String body) {
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
