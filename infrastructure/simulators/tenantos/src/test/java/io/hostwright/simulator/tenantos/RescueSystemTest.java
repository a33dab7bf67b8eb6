package io.hostwright.simulator.tenantos;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rescue system: started with a root password, shown as rescueBootRunning, stopped again. */
class RescueSystemTest extends SimulatorFixture {

    private static final String START = "/api/servers/%d/provisioning/startRescueSystem";
    private static final String STOP = "/api/servers/%d/provisioning/stopRescueSystem";

    @Test
    void startsPowersOnAndKeepsThePasswordUntilStopped() {
        http.get("/api/servers/101/power/setPowerOff");

        assertThat(http.post(START.formatted(101), Map.of("rootPassword", "Rescue-Pw-1")).raw())
                .isEqualTo("{\"result\":true,\"message\":\"success\"}");

        assertThat(http.get("/api/servers/101").result().path("rescueBootRunning").asInt()).isEqualTo(1);
        assertThat(tenantOs.server(101).rescueBootRunning()).isTrue();
        assertThat(tenantOs.server(101).powerStatus()).isEqualTo("on");
        assertThat(tenantOs.rescuePasswordOf(101)).hasValue("Rescue-Pw-1");
        assertThat(http.get("/api/servers/101").raw()).doesNotContain("Rescue-Pw-1");
        assertThat(http.withAuthorization(null).get("/_simulator/servers/101/rescuePassword").json()
                .path("rescuePassword").asText()).isEqualTo("Rescue-Pw-1");

        assertThat(http.get(STOP.formatted(101)).result().asBoolean()).isTrue();

        assertThat(http.get("/api/servers/101").result().path("rescueBootRunning").asInt()).isZero();
        assertThat(tenantOs.rescuePasswordOf(101)).isEmpty();
        assertThat(tenantOs.server(101).powerStatus()).isEqualTo("on");
        assertThat(http.get(STOP.formatted(101)).result().asBoolean()).as("stopping twice is fine").isTrue();
    }

    @Test
    void aSecondStartIsAConflict() {
        http.post(START.formatted(102), Map.of("rootPassword", "Rescue-Pw-1"));

        Http.Response again = http.post(START.formatted(102), Map.of("rootPassword", "Rescue-Pw-2"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(tenantOs.rescuePasswordOf(102)).hasValue("Rescue-Pw-1");
    }

    @Test
    void theRootPasswordIsRequiredAndLongEnough() {
        assertThat(http.post(START.formatted(103), Map.of()).message()).isEqualTo("The root password field is required.");
        assertThat(http.post(START.formatted(103), Map.of("rootPassword", "short")).status()).isEqualTo(422);
        assertThat(http.post(START.formatted(999), Map.of("rootPassword", "long-enough")).status()).isEqualTo(404);
        assertThat(tenantOs.server(103).rescueBootRunning()).isFalse();
    }

    @Test
    void noRescueWhileInstallingOrWipingAndAnInstallLeavesTheRescueSystem() {
        tenantOs.setInstallDuration(Duration.ofMinutes(5));
        tenantOs.setWipeDuration(Duration.ofMinutes(5));
        http.post("/api/servers/104/provisioning/startReinstallation", Map.of("profileId", 12));
        http.post("/api/servers/105/provisioning/startReinstallation", Map.of("profileId", 90));

        assertThat(http.post(START.formatted(104), Map.of("rootPassword", "Rescue-Pw-1")).status()).isEqualTo(409);
        assertThat(http.post(START.formatted(105), Map.of("rootPassword", "Rescue-Pw-1")).status()).isEqualTo(409);

        http.post(START.formatted(106), Map.of("rootPassword", "Rescue-Pw-1"));
        http.post("/api/servers/106/provisioning/startReinstallation", Map.of("profileId", 12));
        assertThat(tenantOs.server(106).rescueBootRunning()).isFalse();
        assertThat(tenantOs.rescuePasswordOf(106)).isEmpty();
    }

    @Test
    void faultsHitTheRescueCalls() {
        tenantOs.faults().next(1, "POST /api/servers/{id}/provisioning/startRescueSystem", 503);

        assertThat(http.post(START.formatted(107), Map.of("rootPassword", "Rescue-Pw-1")).status()).isEqualTo(503);
        assertThat(tenantOs.server(107).rescueBootRunning()).isFalse();
        assertThat(http.post(START.formatted(107), Map.of("rootPassword", "Rescue-Pw-1")).status()).isEqualTo(200);
    }
}
