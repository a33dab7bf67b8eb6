package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class IpAssignmentTest extends SimulatorFixture {

    @Test
    void subnetsAndFreeAddressesFromTheSeed() {
        JsonNode subnets = http.get("/api/servers/101/ipassignments/getAssignableSubnets").result();
        assertThat(subnets.get(0).toString()).isEqualTo("{\"id\":10,\"cidr\":\"203.0.113.0/24\","
                + "\"subnet\":\"203.0.113.0\",\"netmask\":\"255.255.255.0\",\"gw\":\"203.0.113.1\","
                + "\"type\":\"public\",\"isIpv4\":1}");
        assertThat(subnets.get(1).path("cidr").asText()).isEqualTo("198.51.100.0/24");

        List<String> free = freeIps(10);
        assertThat(free).hasSize(40).startsWith("203.0.113.40").endsWith("203.0.113.79");
        assertThat(http.post("/api/servers/101/ipassignments/getAssignableIpsOfSubnet", Map.of("subnetId", 99))
                .status()).isEqualTo(404);
    }

    @Test
    void addedIpLeavesTheFreeListAndRemovedIpReturns() {
        Http.Response added = http.post("/api/servers/101/ipassignments",
                Map.of("subnetId", 10, "ip", "203.0.113.40"));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.result().path("ip").asText()).isEqualTo("203.0.113.40");
        assertThat(added.result().path("primary_ip").asInt()).isZero();
        assertThat(added.result().path("subnet_id").asLong()).isEqualTo(10);
        assertThat(added.result().path("subnetinformation").path("cidr").asText()).isEqualTo("203.0.113.0/24");
        assertThat(freeIps(10)).hasSize(39).doesNotContain("203.0.113.40");
        assertThat(http.get("/api/servers/101/ipassignments").result())
                .extracting(n -> n.path("ip").asText()).containsExactly("203.0.113.11", "203.0.113.40");

        long assignmentId = added.result().path("id").asLong();
        assertThat(http.delete("/api/servers/101/ipassignments/" + assignmentId).result().asBoolean()).isTrue();
        assertThat(freeIps(10)).hasSize(40).contains("203.0.113.40");
        assertThat(tenantOs.server(101).ipAssignments()).hasSize(1);
    }

    @Test
    void takenIpIsAConflictAnywhere() {
        http.post("/api/servers/101/ipassignments", Map.of("subnetId", 10, "ip", "203.0.113.41"));

        assertThat(http.post("/api/servers/101/ipassignments", Map.of("subnetId", 10, "ip", "203.0.113.41"))
                .status()).isEqualTo(409);
        assertThat(http.post("/api/servers/102/ipassignments", Map.of("subnetId", 10, "ip", "203.0.113.41"))
                .status()).isEqualTo(409);
        assertThat(http.post("/api/servers/102/ipassignments", Map.of("subnetId", 10, "ip", "203.0.113.11"))
                .status()).isEqualTo(409);
        assertThat(tenantOs.server(102).ipAssignments()).hasSize(1);
    }

    @Test
    void missingFieldsAndForeignAddressesAreRefused() {
        assertThat(http.post("/api/servers/101/ipassignments", Map.of("subnetId", 10)).message())
                .isEqualTo("The ip field is required.");
        assertThat(http.post("/api/servers/101/ipassignments", Map.of("ip", "203.0.113.42")).status())
                .isEqualTo(422);
        assertThat(http.post("/api/servers/101/ipassignments", Map.of("subnetId", 11, "ip", "203.0.113.42"))
                .status()).isEqualTo(422);
        assertThat(http.delete("/api/servers/101/ipassignments/424242").status()).isEqualTo(404);
    }

    @Test
    void primaryCanBeDeletedAndTheServerThenHasNoPrimaryIp() {
        long primary = tenantOs.server(105).ipAssignments().getFirst().id();

        assertThat(http.delete("/api/servers/105/ipassignments/" + primary).status()).isEqualTo(200);

        assertThat(http.get("/api/servers/105").result().path("primaryip").asText()).isEmpty();
        assertThat(freeIps(10)).contains("203.0.113.15");
    }

    @Test
    void rdnsIsStoredForAnAssignedIp() {
        Http.Response ok = http.post("/api/servers/101/ipassignments/rdns",
                Map.of("ip", "203.0.113.11", "rdns", "web1.example.com"));
        Http.Response foreign = http.post("/api/servers/101/ipassignments/rdns",
                Map.of("ip", "203.0.113.12", "rdns", "nope.example.com"));

        assertThat(ok.result().asBoolean()).isTrue();
        assertThat(tenantOs.server(101).ipAssignments().getFirst().rdns()).isEqualTo("web1.example.com");
        assertThat(http.get("/api/servers/101/ipassignments").result().get(0).path("rdns").asText())
                .isEqualTo("web1.example.com");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void rdnsMustBeAHostname() {
        for (String bad : new String[] {"-bad-.example.com", "nodot", "under_score.example.com", "a..b.example.com",
                "x".repeat(64) + ".example.com", "two words.example.com"}) {
            Http.Response refused = http.post("/api/servers/102/ipassignments/rdns",
                    Map.of("ip", "203.0.113.12", "rdns", bad));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.message()).as(bad).isEqualTo("The rdns must be a valid hostname.");
        }
        assertThat(http.post("/api/servers/102/ipassignments/rdns", Map.of("ip", "203.0.113.12")).status())
                .isEqualTo(422);
        assertThat(tenantOs.server(102).ipAssignments().getFirst().rdns()).isNull();
        assertThat(http.post("/api/servers/102/ipassignments/rdns",
                Map.of("ip", "203.0.113.12", "rdns", "Mail-1.example.com.")).status()).isEqualTo(200);
    }

    private List<String> freeIps(long subnetId) {
        JsonNode result = http.post("/api/servers/101/ipassignments/getAssignableIpsOfSubnet",
                Map.of("subnetId", subnetId)).result();
        return StreamSupport.stream(result.spliterator(), false).map(JsonNode::asText).toList();
    }
}
