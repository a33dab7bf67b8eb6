package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What another process sees and scripts through {@code /_simulator} (no API key). */
class ControlApiTest {

    private TenantOsSimulator tenantOs;
    private Http api;
    private Http control;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
        api = new Http(tenantOs);
        control = api.withAuthorization(null);
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void stateShowsServersUsersSubnetsProfilesAndSettings() {
        api.put("/api/servers/101", Map.of("hostname", "seen.example"));

        JsonNode state = control.get("/_simulator/state").json();

        assertThat(state.path("servers")).hasSize(8);
        assertThat(state.path("servers").get(0).path("hostname").asText()).isEqualTo("seen.example");
        assertThat(state.path("users").get(0).path("email").asText()).isEqualTo("admin@tenantos.test");
        assertThat(state.path("subnets").get(0).path("freeIps")).hasSize(40);
        assertThat(state.path("profiles")).extracting(p -> p.path("wipe").asBoolean())
                .containsExactly(false, false, false, false, true);
        assertThat(state.path("settings").path("installDurationMs").asLong()).isEqualTo(1000);
        assertThat(state.path("callCount").asInt()).isEqualTo(1);
        assertThat(control.get("/_simulator/servers/101").json().path("primaryIp").asText()).isEqualTo("203.0.113.11");
        assertThat(control.get("/_simulator/servers/999").status()).isEqualTo(404);
    }

    @Test
    void faultsScriptedOverHttpHitTheApi() {
        JsonNode pending = control.post("/_simulator/faults",
                Map.of("match", "POST /api/servers/getByTags", "times", 2, "status", 503)).json();
        assertThat(pending.get(0).path("remaining").asInt()).isEqualTo(2);
        control.post("/_simulator/faults", Map.of("match", "GET /api/users", "status", 429, "retryAfterSeconds", 3));

        assertThat(api.post("/api/servers/getByTags", Map.of("tags", List.of("forRent"))).status()).isEqualTo(503);
        assertThat(api.post("/api/servers/getByTags", Map.of("tags", List.of("forRent"))).status()).isEqualTo(503);
        assertThat(api.post("/api/servers/getByTags", Map.of("tags", List.of("forRent"))).status()).isEqualTo(200);
        assertThat(api.get("/api/users").headers().firstValue("Retry-After")).hasValue("3");
        assertThat(control.get("/_simulator/faults").json()).isEmpty();

        JsonNode calls = control.get("/_simulator/calls").json();
        assertThat(calls).extracting(c -> c.path("template").asText() + " " + c.path("status").asInt())
                .containsExactly("/api/servers/getByTags 503", "/api/servers/getByTags 503",
                        "/api/servers/getByTags 200", "/api/users 429");
        control.delete("/_simulator/calls");
        assertThat(tenantOs.calls()).isEmpty();
    }

    @Test
    void installFailureAndConfigOverHttp() throws InterruptedException {
        JsonNode config = control.post("/_simulator/config", Map.of("installDurationMs", 50, "latencyMs", 0)).json();
        assertThat(config.path("installDurationMs").asLong()).isEqualTo(50);
        assertThat(tenantOs.settings().installDuration().toMillis()).isEqualTo(50);
        control.post("/_simulator/faults", Map.of("failInstall", true));

        api.post("/api/servers/102/provisioning/startReinstallation", Map.of("profileId", 12));

        assertThat(tenantOs.faults().pending()).isEmpty();
        Instant deadline = Instant.now().plusSeconds(3);
        String status;
        while (!(status = control.get("/_simulator/servers/102").json().path("install").path("status").asText())
                .equals("failed") && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(status).isEqualTo("failed");
        assertThat(control.post("/_simulator/config", Map.of("errorMode", "sideways")).status()).isEqualTo(422);
    }

    @Test
    void profilesComeAndGoAtRunTime() {
        control.delete("/_simulator/profiles/12");
        assertThat(api.post("/api/servers/101/provisioning/startReinstallation", Map.of("profileId", 12)).status())
                .isEqualTo(404);

        control.post("/_simulator/profiles",
                Map.of("id", 12, "name", "Debian 12 (Bookworm)", "tags", List.of("linux")));

        assertThat(api.post("/api/servers/101/provisioning/startReinstallation", Map.of("profileId", 12)).status())
                .isEqualTo(200);
    }

    @Test
    void resetReturnsToTheSeed() {
        api.put("/api/servers/101", Map.of("hostname", "changed.example"));
        api.post("/api/users", Map.of("name", "N", "username", "n", "password", "p", "email", "n@example.com",
                "role_id", 3));
        tenantOs.faults().next(5, "/api/servers", 503);

        assertThat(control.post("/_simulator/reset", null).status()).isEqualTo(200);

        assertThat(tenantOs.server(101).hostname()).isEqualTo("stock-101");
        assertThat(tenantOs.users()).hasSize(1);
        assertThat(tenantOs.faults().pending()).isEmpty();
        assertThat(tenantOs.calls()).isEmpty();
    }

    @Test
    void controlApiNeedsNoKeyAndIsNotLogged() {
        assertThat(control.get("/_simulator/state").status()).isEqualTo(200);
        assertThat(control.get("/_simulator/nothing").status()).isEqualTo(404);
        assertThat(tenantOs.calls()).isEmpty();
    }
}
