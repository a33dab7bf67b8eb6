package io.hostwright.simulator.tenantos;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest extends SimulatorFixture {

    @Test
    void createdUserIsListedWithoutItsPassword() {
        Http.Response created = http.post("/api/users", grace());

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.result().fieldNames()).toIterable()
                .containsExactly("id", "name", "username", "email", "role_id");
        long id = created.result().path("id").asLong();
        assertThat(id).isEqualTo(2);
        Http.Response list = http.get("/api/users");
        assertThat(list.result()).extracting(n -> n.path("email").asText())
                .containsExactly("admin@tenantos.test", "grace@example.com");
        assertThat(list.raw()).doesNotContain("hopper-pass").doesNotContain("password");
        assertThat(http.get("/api/users/" + id).result().path("role_id").asLong()).isEqualTo(3);
        assertThat(tenantOs.userByEmail("grace@example.com")).isPresent();
    }

    @Test
    void takenEmailIsRefused() {
        http.post("/api/users", grace());
        Map<String, Object> again = grace();
        again.put("username", "grace2");

        Http.Response response = http.post("/api/users", again);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.message()).isEqualTo("The email has already been taken.");
        assertThat(tenantOs.users()).hasSize(2);
    }

    @Test
    void missingFieldAndUnknownRoleAreNamed() {
        Map<String, Object> noEmail = grace();
        noEmail.remove("email");
        Map<String, Object> badRole = grace();
        badRole.put("role_id", 77);

        assertThat(http.post("/api/users", noEmail).message()).isEqualTo("The email field is required.");
        Http.Response role = http.post("/api/users", badRole);
        assertThat(role.status()).isEqualTo(422);
        assertThat(role.message()).contains("role id");
        assertThat(tenantOs.users()).hasSize(1);
    }

    @Test
    void updateAndDelete() {
        long id = http.post("/api/users", grace()).result().path("id").asLong();

        assertThat(http.put("/api/users/" + id, Map.of("name", "Rear Admiral Hopper")).result().path("name").asText())
                .isEqualTo("Rear Admiral Hopper");
        http.put("/api/servers/104", Map.of("user_id", id));
        assertThat(http.delete("/api/users/" + id).status()).isEqualTo(422);

        http.put("/api/servers/104", Map.of("user_id", 1));
        assertThat(http.delete("/api/users/" + id).result().asBoolean()).isTrue();
        assertThat(http.get("/api/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void rolesAreTheSeeded() {
        assertThat(http.get("/api/roles").raw())
                .isEqualTo("{\"result\":[{\"id\":1,\"name\":\"Admin\"},{\"id\":3,\"name\":\"Customer\"}],"
                        + "\"message\":\"success\"}");
    }

    private static Map<String, Object> grace() {
        return new HashMap<>(Map.of("name", "Grace Hopper", "username", "grace", "password", "hopper-pass",
                "email", "grace@example.com", "role_id", 3));
    }
}
