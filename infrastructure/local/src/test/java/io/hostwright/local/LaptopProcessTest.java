package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar hostwright-local.jar} as a person runs it, in a JVM of its own: the options, what the terminal
 * shows while orders go through, and a SIGKILL in the middle of things followed by a start on the same data folder.
 */
class LaptopProcessTest {

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
            LaptopClient api = client(first);
            String token = api.token("kill-alice", "alice@example.com", null);
            tokenBefore = token;
            JsonNode accepted = api.expect(202, "POST", "/v1/orders", token, "kill-1", order());
            serviceId = accepted.path("serviceId").asText();
            orderId = accepted.path("orderId").asText();
            Eventually.await("the service ACTIVE", Duration.ofSeconds(90),
                    () -> status(api, token, serviceId).equals("ACTIVE"));
            api.get("/v1/catalog/products", null);

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
            LaptopClient api = client(second);
            String token = tokenBefore;
            assertThat(status(api, token, serviceId)).isEqualTo("ACTIVE");
            JsonNode replayed = api.expect(202, "POST", "/v1/orders", token, "kill-1", order());
            assertThat(replayed.path("orderId").asText()).isEqualTo(orderId);
            JsonNode mails = api.get("/local/emails", null);
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

    private static String status(LaptopClient api, String token, String serviceId) {
        return api.get("/v1/services/" + serviceId, token).path("status").asText();
    }

    private static LaptopClient client(LaptopProcess run) {
        LaptopClient client = new LaptopClient();
        client.pointAt(run.apiUri());
        return client;
    }
}
