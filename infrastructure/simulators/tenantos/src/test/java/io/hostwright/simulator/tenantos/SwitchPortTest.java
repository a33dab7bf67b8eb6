package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Switch ports: listed, set up and down where the switch allows it. */
class SwitchPortTest extends SimulatorFixture {

    @Test
    void everyServerHasADefaultPortOnItsRacksSwitch() {
        JsonNode ports = http.get("/api/servers/101/network/getManageableNetworkPorts").result();

        assertThat(ports.toString()).isEqualTo("[{\"id\":1011,\"name\":\"eth0\",\"switch\":{\"name\":\"sw-r1\"},"
                + "\"manageable\":1,\"adminStatus\":\"up\"}]");
        assertThat(tenantOs.server(108).ports()).containsExactly(
                new SimulatedServer.Port(1081, "eth0", "sw-r1", true, true));
    }

    @Test
    void portsGoDownAndUpAgain() {
        assertThat(http.post("/api/servers/102/network/ports/1021/disable", null).result().asBoolean()).isTrue();

        assertThat(http.get("/api/servers/102/network/getManageableNetworkPorts").result().get(0)
                .path("adminStatus").asText()).isEqualTo("down");
        assertThat(tenantOs.server(102).port(1021).enabled()).isFalse();
        assertThat(http.post("/api/servers/102/network/ports/1021/disable", null).status()).as("again").isEqualTo(200);

        assertThat(http.post("/api/servers/102/network/ports/1021/enable", null).result().asBoolean()).isTrue();
        assertThat(tenantOs.server(102).port(1021).enabled()).isTrue();
    }

    @Test
    void theDemoSeedsServer104HangsOnAnUnmanageableSwitch() {
        JsonNode port = http.get("/api/servers/104/network/getManageableNetworkPorts").result().get(0);
        assertThat(port.path("manageable").asInt()).isZero();
        assertThat(port.path("switch").path("name").asText()).isEqualTo("sw-r1-legacy");

        Http.Response refused = http.post("/api/servers/104/network/ports/1041/disable", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.message()).contains("not manageable");
        assertThat(tenantOs.server(104).port(1041).enabled()).isTrue();
    }

    @Test
    void unknownPortsAndServersAre404() {
        assertThat(http.post("/api/servers/101/network/ports/1021/disable", null).status())
                .as("another server's port").isEqualTo(404);
        assertThat(http.post("/api/servers/101/network/ports/x/enable", null).status()).isEqualTo(404);
        assertThat(http.get("/api/servers/999/network/getManageableNetworkPorts").status()).isEqualTo(404);
        assertThat(http.get("/api/servers/101/network/ports/1011/enable").status()).isEqualTo(405);
    }

    @Test
    void staffMakeAPortUnmanageableOrSetItByHand() {
        tenantOs.setPortManageable(103, 1031, false);
        assertThat(http.post("/api/servers/103/network/ports/1031/disable", null).status()).isEqualTo(422);

        Http control = http.withAuthorization(null);
        JsonNode port = control.post("/_simulator/servers/103/ports/1031", Map.of("manageable", true,
                "enabled", false)).json();
        assertThat(port.path("manageable").asBoolean()).isTrue();
        assertThat(port.path("enabled").asBoolean()).isFalse();
        assertThat(http.post("/api/servers/103/network/ports/1031/enable", null).status()).isEqualTo(200);
        assertThat(control.post("/_simulator/servers/103/ports/9", Map.of("enabled", true)).status()).isEqualTo(404);
        assertThat(control.post("/_simulator/servers/103/ports/1031", Map.of("enabled", "yes")).status())
                .isEqualTo(422);
        assertThatThrownBy(() -> tenantOs.setPortManageable(103, 9, true)).hasMessageContaining("no port 9");
        assertThat(tenantOs.calls()).extracting(Call::path).containsOnly("/api/servers/103/network/ports/1031/disable",
                "/api/servers/103/network/ports/1031/enable");
    }

    @Test
    void portsAreSeededFromJsonOrJava() throws Exception {
        Seed json = Seed.fromJson(new java.io.ByteArrayInputStream("""
                {"roles": [{"id": 1, "name": "Admin"}],
                 "users": [{"id": 1, "name": "Admin", "username": "admin", "email": "a@b.test", "password": "x", "roleId": 1}],
                 "subnets": [{"id": 1, "cidr": "10.0.0.0/24", "gateway": "10.0.0.1", "freeIps": []}],
                 "servers": [{"id": 5, "hostname": "h", "servername": "A1-U3", "tags": [], "cpuModel": "c",
                              "memoryMb": 1024, "primaryIp": "10.0.0.5", "userId": 1,
                              "ports": [{"id": 51, "switch": "core-1"}, {"id": 52, "name": "eth1", "switch": "core-2",
                                         "manageable": false, "enabled": false}]},
                             {"id": 6, "hostname": "h6", "servername": "A1-U4", "tags": [], "cpuModel": "c",
                              "memoryMb": 1024, "primaryIp": "10.0.0.6", "userId": 1}]}
                """.getBytes()));

        try (TenantOsSimulator custom = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(json))) {
            assertThat(custom.server(5).ports()).containsExactly(
                    new SimulatedServer.Port(51, "eth0", "core-1", true, true),
                    new SimulatedServer.Port(52, "eth1", "core-2", false, false));
            assertThat(custom.server(6).ports()).containsExactly(
                    new SimulatedServer.Port(61, "eth0", "sw-a1", true, true));
        }
        Seed java = Seed.demo().toBuilder()
                .server(Seed.demo().servers().getFirst().withPorts(List.of()))
                .build();
        try (TenantOsSimulator custom = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(java))) {
            assertThat(new Http(custom).get("/api/servers/101/network/getManageableNetworkPorts").result()).isEmpty();
        }
    }
}
