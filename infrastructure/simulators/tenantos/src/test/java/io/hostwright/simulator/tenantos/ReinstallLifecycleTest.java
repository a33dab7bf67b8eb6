package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class ReinstallLifecycleTest {

    private static final Duration INSTALL = Duration.ofMillis(400);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private TenantOsSimulator tenantOs;
    private Http http;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests()
                .withSettings(Settings.tests().withInstallDuration(INSTALL).withWipeDuration(INSTALL)));
        http = new Http(tenantOs);
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void installRunsThenFinishesWithTheProfilesOs() {
        assertThat(status(101).path("status").asText()).isEqualTo("none");

        Http.Response started = http.post("/api/servers/101/provisioning/startReinstallation",
                Map.of("profileId", 12, "hostname", "web1.example.com", "rootPassword", "Tr0ub4dor&3"));

        assertThat(started.raw()).isEqualTo("{\"result\":{\"started\":true},\"message\":\"success\"}");
        JsonNode running = http.get("/api/servers/101").result();
        assertThat(running.path("reinstallationRunning").asInt()).isEqualTo(1);
        assertThat(running.path("diskwipeRunning").asInt()).isZero();
        assertThat(running.path("hostname").asText()).isEqualTo("web1.example.com");
        JsonNode progress = status(101);
        assertThat(progress.path("status").asText()).isEqualTo("running");
        assertThat(progress.path("progress").asInt()).isBetween(0, 99);
        assertThat(progress.path("message").asText()).isNotBlank();

        JsonNode finished = awaitStatus(101, "finished");

        assertThat(finished.path("progress").asInt()).isEqualTo(100);
        JsonNode server = http.get("/api/servers/101").result();
        assertThat(server.path("reinstallationRunning").asInt()).isZero();
        assertThat(server.path("os").asText()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(server.path("hostname").asText()).isEqualTo("web1.example.com");
        assertThat(tenantOs.rootPasswordOf(101)).hasValue("Tr0ub4dor&3");
    }

    @Test
    void optionalKeysSentAsNullAreIgnored() {
        Http.Response started = http.post("/api/servers/105/provisioning/startReinstallation",
                "{\"profileId\": 12, \"hostname\": null, \"rootPassword\": null}");

        assertThat(started.status()).isEqualTo(200);
        assertThat(tenantOs.server(105).hostname()).isEqualTo("stock-105");
        assertThat(tenantOs.rootPasswordOf(105)).isEmpty();
    }

    @Test
    void rootPasswordIsNeverAnswered() {
        http.post("/api/servers/102/provisioning/startReinstallation",
                Map.of("profileId", 13, "rootPassword", "never-say-it"));
        awaitStatus(102, "finished");

        for (String path : List.of("/api/servers/102", "/api/servers", "/api/servers/102/provisioning/getInstallStatus",
                "/_simulator/state", "/_simulator/servers/102")) {
            assertThat(http.get(path).raw()).as(path).doesNotContain("never-say-it");
        }
        assertThat(http.get("/_simulator/servers/102/rootPassword").json().path("rootPassword").asText())
                .isEqualTo("never-say-it");
    }

    @Test
    void secondStartWhileBusyIsAConflict() {
        http.post("/api/servers/103/provisioning/startReinstallation", Map.of("profileId", 90));

        Http.Response again = http.post("/api/servers/103/provisioning/startReinstallation", Map.of("profileId", 12));

        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/api/servers/103").result().path("diskwipeRunning").asInt()).isEqualTo(1);
        assertThat(http.get("/api/servers/103").result().path("reinstallationRunning").asInt()).isZero();
    }

    @Test
    void wipeLeavesNoOsAndNoPassword() {
        http.post("/api/servers/104/provisioning/startReinstallation", Map.of("profileId", 14, "rootPassword", "pw"));
        awaitStatus(104, "finished");
        assertThat(tenantOs.server(104).os()).isEqualTo("AlmaLinux 9");

        http.post("/api/servers/104/provisioning/startReinstallation", Map.of("profileId", 90));
        assertThat(tenantOs.server(104).diskwipeRunning()).isTrue();
        awaitStatus(104, "finished");

        assertThat(tenantOs.server(104).os()).isEmpty();
        assertThat(tenantOs.server(104).diskwipeRunning()).isFalse();
        assertThat(tenantOs.rootPasswordOf(104)).isEmpty();
    }

    @Test
    void unknownOrVanishedProfileIsNotFound() {
        Http.Response unknown = http.post("/api/servers/105/provisioning/startReinstallation",
                Map.of("profileId", 4711));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("Profile not found");

        tenantOs.removeProfile(15);
        assertThat(http.get("/api/servers/105/provisioning/getProfiles").result())
                .extracting(n -> n.path("id").asLong()).doesNotContain(15L);
        assertThat(http.post("/api/servers/105/provisioning/startReinstallation", Map.of("profileId", 15))
                .status()).isEqualTo(404);
        assertThat(tenantOs.server(105).reinstallationRunning()).isFalse();

        tenantOs.addProfile(new Seed.Profile(15, "Windows Server 2022", List.of("windows"), false));
        assertThat(http.post("/api/servers/105/provisioning/startReinstallation", Map.of("profileId", 15))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/servers/106/provisioning/startReinstallation", Map.of()).message())
                .isEqualTo("The profile id field is required.");
    }

    @Test
    void scriptedInstallFailureEndsFailed() {
        tenantOs.faults().failInstalls(1);

        assertThat(http.post("/api/servers/106/provisioning/startReinstallation", Map.of("profileId", 12)).status())
                .isEqualTo(200);
        JsonNode failed = awaitStatus(106, "failed");

        assertThat(failed.path("message").asText()).contains("failed");
        assertThat(tenantOs.server(106).reinstallationRunning()).isFalse();
        assertThat(tenantOs.server(106).os()).isEmpty();
        assertThat(tenantOs.server(106).install().status()).isEqualTo("failed");

        http.post("/api/servers/106/provisioning/startReinstallation", Map.of("profileId", 12));
        awaitStatus(106, "finished");
        assertThat(tenantOs.server(106).os()).isEqualTo("Debian 12 (Bookworm)");
    }

    @Test
    void stopCancelsARunningInstall() {
        tenantOs.setInstallDuration(Duration.ofMinutes(5));
        http.post("/api/servers/107/provisioning/startReinstallation", Map.of("profileId", 12));

        assertThat(http.get("/api/servers/107/provisioning/stopReinstallation").result().asBoolean()).isTrue();

        assertThat(http.get("/api/servers/107").result().path("reinstallationRunning").asInt()).isZero();
        assertThat(status(107).path("status").asText()).isEqualTo("none");
        assertThat(tenantOs.server(107).os()).isEmpty();
    }

    private JsonNode status(long serverId) {
        return http.get("/api/servers/" + serverId + "/provisioning/getInstallStatus").result();
    }

    private JsonNode awaitStatus(long serverId, String wanted) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            JsonNode status = status(serverId);
            if (status.path("status").asText().equals(wanted)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                return fail("server %d still %s after %s, wanted %s", serverId, status, DEADLINE, wanted);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }
}
