package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeAndAuthTest extends SimulatorFixture {

    @Test
    void answersInTheEnvelopeWithJsonContentType() {
        Http.Response response = http.get("/api/servers/101");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.message()).isEqualTo("success");
        assertThat(response.result().path("id").asLong()).isEqualTo(101);
        assertThat(response.result().path("hostname").asText()).isEqualTo("stock-101");
        assertThat(response.result().path("primaryip").asText()).isEqualTo("203.0.113.11");
        assertThat(response.result().path("detailedHardwareInformation").path("cpu").path("model").asText())
                .isEqualTo("Intel Xeon E-2388G");
        assertThat(response.result().path("detailedHardwareInformation").path("memory").path("value").asLong())
                .isEqualTo(65536);
        assertThat(response.result().path("ipassignments").get(0).path("subnetinformation").path("gw").asText())
                .isEqualTo("203.0.113.1");
    }

    @Test
    void serverObjectCarriesEveryFieldTheAdapterReads() {
        var server = http.get("/api/servers/108").result();

        assertThat(server.fieldNames()).toIterable().containsExactly("id", "hostname", "servername", "user_id",
                "owner_realname", "os", "servertype", "primaryip", "tags", "description",
                "detailedHardwareInformation", "powerprovider", "powerstatus", "reinstallationRunning",
                "diskwipeRunning", "rescueBootRunning", "suspendUserIds", "ipassignments");
        assertThat(server.get("user_id").isNull()).isTrue();
        assertThat(server.path("reinstallationRunning").asInt()).isZero();
        assertThat(server.path("rescueBootRunning").asInt()).isZero();
        assertThat(server.path("suspendUserIds").isArray()).isTrue();
        assertThat(server.path("suspendUserIds")).isEmpty();
        assertThat(server.path("powerstatus").asText()).isEqualTo("on");
        assertThat(server.path("powerprovider").path("supportedFeatures")).extracting(JsonNode::asText)
                .containsExactly("setPowerOn", "setPowerOff", "setPowerReset");
        assertThat(server.path("ipassignments").get(0).has("rdns")).isTrue();
        assertThat(server.path("ipassignments").get(0).get("rdns").isNull()).isTrue();
        assertThat(http.get("/api/servers/101").result().path("user_id").asLong()).isEqualTo(1);
        assertThat(http.get("/api/servers/101").result().path("owner_realname").asText()).isEqualTo("Admin");
    }

    @Test
    void refusesCallsWithoutTheRightKey() {
        Http.Response missing = http.withAuthorization(null).get("/api/servers");
        Http.Response wrong = http.withAuthorization("Bearer not-the-key").get("/api/servers");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.raw()).isEqualTo("{\"result\":null,\"message\":\"Unauthenticated.\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(tenantOs.callCount("GET /api/servers")).isEqualTo(2);
        assertThat(tenantOs.calls()).extracting(Call::status).containsExactly(401, 401);
    }

    @Test
    void unknownThingsAre404AndWrongMethods405() {
        Http.Response unknownPath = http.get("/api/nothing/here");
        Http.Response unknownServer = http.get("/api/servers/999");
        Http.Response wrongMethod = http.send("PATCH", "/api/servers/101", Map.of());

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.raw()).isEqualTo("{\"result\":null,\"message\":\"Not found\"}");
        assertThat(unknownServer.status()).isEqualTo(404);
        assertThat(unknownServer.result().isNull()).isTrue();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow").orElseThrow()).contains("GET", "PUT");
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        Http.Response response = http.put("/api/servers/101", "{\"hostname\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(tenantOs.server(101).hostname()).isEqualTo("stock-101");
    }

    @Test
    void powerMethodsChangeThePowerStatus() {
        assertThat(http.get("/api/servers/102/power/setPowerOff").result().asBoolean()).isTrue();
        assertThat(http.get("/api/servers/102/power/getPowerStatus").result().asText()).isEqualTo("off");
        assertThat(tenantOs.server(102).powerStatus()).isEqualTo("off");
        assertThat(http.get("/api/servers/102").result().path("powerstatus").asText()).isEqualTo("off");

        http.get("/api/servers/102/power/setPowerReset");
        assertThat(tenantOs.server(102).powerStatus()).isEqualTo("on");
        assertThat(http.get("/api/servers/102/power/explode").status()).isEqualTo(422);
    }

    @Test
    void osCatalogueAndProfilesComeFromTheSeed() {
        assertThat(http.post("/api/os/list", null).result()).extracting(n -> n.path("name").asText())
                .contains("Debian 12", "Windows Server 2022");
        var profiles = http.get("/api/servers/101/provisioning/getProfiles").result();
        assertThat(profiles).extracting(n -> n.path("id").asLong()).containsExactly(12L, 13L, 14L, 15L, 90L);
        assertThat(profiles.get(0).path("name").asText()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(profiles.get(0).path("tags").get(0).asText()).isEqualTo("linux");
    }
}
