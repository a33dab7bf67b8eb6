package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff hand a server to another account in TenantOS's UI: the API sees the new owner, no call is logged. */
class ReassignTest extends SimulatorFixture {

    @Test
    void theNewOwnerIsWhatTheApiReads() {
        long other = customer("other@example.com");

        tenantOs.reassign(105, other);

        assertThat(tenantOs.server(105).userId()).isEqualTo(other);
        assertThat(http.get("/api/servers/105").result().path("user_id").asLong()).isEqualTo(other);
        assertThat(http.get("/api/servers?userId=" + other).result()).extracting(n -> n.path("id").asLong())
                .containsExactly(105L);
        assertThat(tenantOs.calls()).extracting(Call::template).containsExactly("/api/users", "/api/servers/{id}",
                "/api/servers");

        tenantOs.reassign(105, null);
        assertThat(http.get("/api/servers/105").result().get("user_id").isNull()).isTrue();
    }

    @Test
    void unknownServersAndUsersAreRefused() {
        assertThatThrownBy(() -> tenantOs.reassign(999, 1L)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> tenantOs.reassign(101, 4242L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4242");
        assertThat(tenantOs.server(101).userId()).isEqualTo(1L);
    }

    @Test
    void overTheControlApi() {
        long other = customer("ctl@example.com");
        Http control = http.withAuthorization(null);

        JsonNode server = control.post("/_simulator/servers/106/reassign", Map.of("userId", other)).json();

        assertThat(server.path("userId").asLong()).isEqualTo(other);
        assertThat(control.post("/_simulator/servers/106/reassign", "{\"userId\": null}").json().get("userId").isNull())
                .isTrue();
        assertThat(control.post("/_simulator/servers/106/reassign", Map.of("userId", 4242)).status()).isEqualTo(422);
        assertThat(control.post("/_simulator/servers/106/reassign", Map.of()).status()).isEqualTo(422);
        assertThat(control.post("/_simulator/servers/999/reassign", Map.of("userId", 1)).status()).isEqualTo(404);
        assertThat(tenantOs.server(106).userId()).isNull();
    }

    @Test
    void theServerObjectShowsWhoIsSuspended() {
        long other = customer("susp@example.com");
        http.put("/api/servers/107", Map.of("user_id", other, "suspendUserIds", List.of(other)));

        assertThat(http.get("/api/servers/107").result().path("suspendUserIds")).extracting(JsonNode::asLong)
                .containsExactly(other);
    }

    private long customer(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "N", "username", email, "password", "pw",
                "email", email, "role_id", 3));
        return http.post("/api/users", body).result().path("id").asLong();
    }
}
