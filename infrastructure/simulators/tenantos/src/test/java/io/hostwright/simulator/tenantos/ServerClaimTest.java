package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Paymenter/HostBill stock flow: find by tags, claim with one PUT, read it back. */
class ServerClaimTest extends SimulatorFixture {

    @Test
    void getByTagsReturnsServersCarryingAllTags() {
        assertThat(ids(http.post("/api/servers/getByTags", Map.of("tags", List.of("forRent", "e2388g")))))
                .containsExactly(101L, 102L, 103L, 104L);
        assertThat(ids(http.post("/api/servers/getByTags", Map.of("tags", List.of("epyc9354p")))))
                .containsExactly(107L, 108L);
        assertThat(ids(http.post("/api/servers/getByTags", Map.of("tags", List.of("forRent")))))
                .hasSize(8);
        assertThat(ids(http.post("/api/servers/getByTags", Map.of("tags", List.of("forRent", "nope")))))
                .isEmpty();
        assertThat(http.post("/api/servers/getByTags", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void listFiltersByTagsAndOwner() {
        assertThat(ids(http.get("/api/servers"))).hasSize(8);
        assertThat(ids(http.get("/api/servers?tags=forRent,ryzen7950x"))).containsExactly(105L, 106L);
        assertThat(ids(http.get("/api/servers?userId=1"))).hasSize(7).doesNotContain(108L);
    }

    @Test
    void claimIsVisibleToTheNextReadAndRemovesTheServerFromStock() {
        long customer = http.post("/api/users", Map.of("name", "Ada Lovelace", "username", "ada",
                "password", "s3cret-pass", "email", "ada@example.com", "role_id", 3)).result().path("id").asLong();

        Http.Response put = http.put("/api/servers/103", Map.of("user_id", customer,
                "hostname", "ada-1.example.com", "tags", List.of("assigned", "e2388g")));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.result().path("user_id").asLong()).isEqualTo(customer);
        JsonNode read = http.get("/api/servers/103").result();
        assertThat(read.path("user_id").asLong()).isEqualTo(customer);
        assertThat(read.path("owner_realname").asText()).isEqualTo("Ada Lovelace");
        assertThat(read.path("hostname").asText()).isEqualTo("ada-1.example.com");
        assertThat(read.path("tags")).extracting(JsonNode::asText).containsExactly("assigned", "e2388g");
        assertThat(ids(http.post("/api/servers/getByTags", Map.of("tags", List.of("forRent", "e2388g")))))
                .containsExactly(101L, 102L, 104L);
        assertThat(tenantOs.server(103).userId()).isEqualTo(customer);
    }

    @Test
    void ownerCanBeClearedWithNullAndSuspensionIsStored() {
        http.put("/api/servers/101", "{\"user_id\": null, \"suspendUserIds\": [1]}");

        assertThat(http.get("/api/servers/101").result().get("user_id").isNull()).isTrue();
        assertThat(tenantOs.server(101).suspendUserIds()).containsExactly(1L);

        http.put("/api/servers/101", Map.of("suspendUserIds", List.of()));
        assertThat(tenantOs.server(101).suspendUserIds()).isEmpty();
    }

    @Test
    void rejectedUpdateChangesNothing() {
        Http.Response response = http.put("/api/servers/102", Map.of("hostname", "new-name", "user_id", 4242));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.message()).contains("user id");
        assertThat(tenantOs.server(102).hostname()).isEqualTo("stock-102");
        assertThat(tenantOs.server(102).userId()).isEqualTo(1L);
        assertThat(http.put("/api/servers/999", Map.of("hostname", "x")).status()).isEqualTo(404);
    }

    private static List<Long> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.result().spliterator(), false)
                .map(n -> n.path("id").asLong()).toList();
    }
}
