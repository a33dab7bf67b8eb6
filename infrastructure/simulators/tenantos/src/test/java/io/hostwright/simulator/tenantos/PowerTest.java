package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Power follows the server's own power provider: what it supports, and what a running wipe forbids. */
class PowerTest extends SimulatorFixture {

    @Test
    void aMethodThePowerProviderLacksIs422AndChangesNothing() {
        tenantOs.setPowerFeatures(103, List.of("setPowerOn", "setPowerOff"));

        Http.Response reset = http.get("/api/servers/103/power/setPowerReset");

        assertThat(reset.status()).isEqualTo(422);
        assertThat(reset.message()).isEqualTo("setPowerReset is not supported by this server's power provider.");
        assertThat(http.get("/api/servers/103").result().path("powerprovider").path("supportedFeatures"))
                .extracting(JsonNode::asText).containsExactly("setPowerOn", "setPowerOff");
        assertThat(tenantOs.server(103).powerFeatures()).containsExactly("setPowerOn", "setPowerOff");
        assertThat(http.get("/api/servers/103/power/setPowerOff").result().asBoolean()).isTrue();
        assertThat(http.get("/api/servers/104/power/setPowerReset").status()).as("other servers keep theirs")
                .isEqualTo(200);
    }

    @Test
    void powerFeaturesComeFromTheSeed() {
        Seed seed = Seed.demo().toBuilder()
                .server(Seed.demo().servers().getFirst().withPowerFeatures(List.of("setPowerOn")))
                .build();
        try (TenantOsSimulator custom = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed))) {
            Http api = new Http(custom);
            assertThat(api.get("/api/servers/101/power/setPowerOff").status()).isEqualTo(422);
            assertThat(api.get("/api/servers/101/power/setPowerOn").status()).isEqualTo(200);
            assertThat(custom.server(101).powerStatus()).isEqualTo("on");
        }
    }

    @Test
    void unknownFeaturesAreRefused() {
        assertThatThrownBy(() -> tenantOs.setPowerFeatures(101, List.of("setPowerCycle")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setPowerCycle");
        Seed seed = Seed.demo().toBuilder()
                .server(Seed.demo().servers().getFirst().withPowerFeatures(List.of("explode")))
                .build();
        assertThatThrownBy(() -> TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explode");
    }

    @Test
    void powerFeaturesOverTheControlApi() {
        Http control = http.withAuthorization(null);

        JsonNode server = control.post("/_simulator/servers/105/powerFeatures",
                Map.of("powerFeatures", List.of("setPowerOn", "setPowerOff"))).json();

        assertThat(server.path("powerFeatures")).extracting(JsonNode::asText).containsExactly("setPowerOn", "setPowerOff");
        assertThat(http.get("/api/servers/105/power/setPowerReset").status()).isEqualTo(422);
        assertThat(control.post("/_simulator/servers/105/powerFeatures", Map.of("powerFeatures", List.of("nope")))
                .status()).isEqualTo(422);
        assertThat(control.post("/_simulator/servers/999/powerFeatures", Map.of("powerFeatures", List.of()))
                .status()).isEqualTo(404);
    }

    @Test
    void powerMayChangeDuringAnInstallButAWipeCannotBePoweredOff() {
        tenantOs.setInstallDuration(Duration.ofMinutes(5));
        tenantOs.setWipeDuration(Duration.ofMinutes(5));
        http.post("/api/servers/101/provisioning/startReinstallation", Map.of("profileId", 12));
        http.post("/api/servers/102/provisioning/startReinstallation", Map.of("profileId", 90));

        assertThat(http.get("/api/servers/101/power/setPowerOff").status()).isEqualTo(200);
        assertThat(http.get("/api/servers/101/power/setPowerReset").status()).isEqualTo(200);

        Http.Response off = http.get("/api/servers/102/power/setPowerOff");
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.message()).contains("disk wipe");
        assertThat(tenantOs.server(102).powerStatus()).isEqualTo("on");
        assertThat(http.get("/api/servers/102/power/setPowerReset").status()).isEqualTo(200);
        assertThat(http.get("/api/servers/102/power/setPowerOn").status()).isEqualTo(200);
        assertThat(http.get("/api/servers/102").result().path("diskwipeRunning").asInt()).isEqualTo(1);
    }
}
