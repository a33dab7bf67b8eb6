package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar hostwright-local.jar} as a person runs it, in a JVM of its own: the options, what the terminal
 * shows while orders go through, and a SIGKILL in the middle of things followed by a start on the same data folder.
 */
class LaptopProcessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void helpPrintsTheOptionsAndExitsZero() {
        LaptopProcess help = LaptopProcess.start(null, "--help");

        assertThat(help.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(help.output()).contains("--data-dir", "--fresh", "--verbose", "--help", "HOSTWRIGHT_PORT");
        assertThat(help.errors()).doesNotContain("Exception");
    }

    @Test
    void anUnknownOptionIsRefusedWithExitCodeTwoNamingIt() {
        LaptopProcess refused = LaptopProcess.start(null, "--data-dri", "/tmp/nowhere");

        assertThat(refused.awaitExit(Duration.ofSeconds(60))).isEqualTo(LaptopOptions.USAGE_EXIT_CODE);
        assertThat(refused.errors()).contains("unknown option --data-dri").contains("--help");
        assertThat(refused.output()).doesNotContain("starting Hostwright");
        assertThat(Path.of("/tmp/nowhere")).doesNotExist();
    }

    @Test
    void quietByDefaultAndAKillLosesNothingTheNextStartOnTheSameFolderShowsWithTheSameTokens(@TempDir Path data) throws Exception {
        LaptopProcess.Ports ports = LaptopProcess.Ports.free();
        String serviceId;
        String orderId;
        String tokenBefore;
        try (LaptopProcess first = LaptopProcess.start(ports, "--data-dir", data.toString())
                .awaitReady(Duration.ofMinutes(3))) {
            assertThat(first.output()).contains("Data folder     " + data.toAbsolutePath())
                    .contains("new: the demo seed was loaded");
            URI api = first.apiUri();
            String token = token(api);
            tokenBefore = token;
            JsonNode accepted = json(send(post(api, "/v1/orders", order()).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "kill-1")), 202);
            serviceId = accepted.path("serviceId").asText();
            orderId = accepted.path("orderId").asText();
            Eventually.await("the service ACTIVE", Duration.ofSeconds(90),
                    () -> status(api, token, serviceId).equals("ACTIVE"));
            json(send(get(api, "/v1/catalog/products")), 200);

            String terminal = first.output();
            assertThat(terminal).contains("POST /v1/orders → order-acceptance 202");
            assertThat(terminal.lines().filter(l -> l.startsWith("{"))).as("no JSON log lines").isEmpty();
            assertThat(terminal).doesNotContain("No metrics were emitted").doesNotContain("\tat ")
                    .doesNotContain("DynamoDBLocalServiceException");

            first.kill();
        }

        try (LaptopProcess second = LaptopProcess.start(ports, "--data-dir", data.toString())
                .awaitReady(Duration.ofMinutes(3))) {
            assertThat(second.output()).contains("kept from the last run");
            URI api = second.apiUri();
            String token = tokenBefore;
            assertThat(status(api, token, serviceId)).isEqualTo("ACTIVE");
            JsonNode replayed = json(send(post(api, "/v1/orders", order()).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "kill-1")), 202);
            assertThat(replayed.path("orderId").asText()).isEqualTo(orderId);
            JsonNode mails = json(send(get(api, "/local/emails")), 200);
            assertThat(mails.size()).as("the mails sent before the kill").isGreaterThan(0);
            assertThat(second.stop()).as("stopped by SIGTERM, as by Ctrl-C").isIn(0, 130, 143);
            assertThat(second.output()).as(second.errors())
                    .contains("stopped; the data stays in " + data.toAbsolutePath());
        }
    }

    private static String order() {
        return "{\"productId\":\"ded-e2388g\",\"billingCycle\":\"monthly\",\"hostname\":\"killed.example.com\","
                + "\"os\":\"debian-12\"}";
    }

    private static String token(URI api) throws Exception {
        return json(send(post(api, "/local/token", "{\"sub\":\"kill-alice\",\"email\":\"alice@example.com\"}")), 200)
                .path("token").asText();
    }

    private static String status(URI api, String token, String serviceId) {
        try {
            return json(send(get(api, "/v1/services/" + serviceId).header("Authorization", "Bearer " + token)), 200)
                    .path("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder get(URI api, String path) {
        return HttpRequest.newBuilder(api.resolve(path)).GET();
    }

    private static HttpRequest.Builder post(URI api, String path, String body) {
        return HttpRequest.newBuilder(api.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
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
