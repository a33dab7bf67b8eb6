package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts: create (201), unique e-mail, suspend and resume, delete only without hosts. */
class AccountTest extends SimulatorFixture {

    private long create(String email) {
        Http.Response created = api.post("/vm/v3/account",
                Map.of("email", email, "password", "pw-123456", "role", "@user"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    @Test
    void aNewAccountIsListedActive() {
        long id = create("new@example.com");

        assertThat(id).isEqualTo(2);
        assertThat(api.get("/vm/v3/account?where=(email+EQ+'new@example.com')").list().get(0).toString())
                .isEqualTo("{\"id\":2,\"email\":\"new@example.com\",\"role\":\"@user\",\"state\":\"active\"}");
        assertThat(vm6.accountByEmail("NEW@example.com")).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(2));
    }

    @Test
    void aTakenEmailAnswers409Code1005() {
        create("twice@example.com");

        Http.Response again = api.post("/vm/v3/account",
                Map.of("email", "Twice@Example.com", "password", "pw", "role", "@user"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(1005);
        assertThat(vm6.accounts()).hasSize(2);
    }

    @Test
    void suspendAndResumeSwitchTheState() {
        long id = create("s@example.com");

        assertThat(api.post("/vm/v3/account/" + id + "/suspend", null).raw()).isEqualTo("{}");
        assertThat(api.get("/vm/v3/account?where=(id+EQ+" + id + ")").list().get(0).path("state").asText())
                .isEqualTo("suspended");
        assertThat(vm6.accountByEmail("s@example.com").orElseThrow().suspended()).isTrue();

        api.post("/vm/v3/account/" + id + "/resume", null);
        assertThat(vm6.accountByEmail("s@example.com").orElseThrow().suspended()).isFalse();
        assertThat(api.post("/vm/v3/account/99/suspend", null).code()).isEqualTo(1003);
    }

    @Test
    void anAccountThatOwnsHostsCannotBeDeleted() {
        long id = create("owner@example.com");
        var body = hostBody("owned");
        body.put("account", id);
        long hostId = api.post("/vm/v3/host", body).json().path("id").asLong();
        clock.advance(TASK);

        Http.Response refused = api.delete("/vm/v3/account/" + id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo(1006);
        assertThat(api.get("/vm/v3/host/" + hostId).json().path("account").path("email").asText())
                .isEqualTo("owner@example.com");

        api.delete("/vm/v3/host/" + hostId);
        clock.advance(TASK);
        Http.Response deleted = api.delete("/vm/v3/account/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo("{}");
        assertThat(vm6.accountByEmail("owner@example.com")).isEmpty();
        assertThat(api.delete("/vm/v3/account/" + id).code()).isEqualTo(1003);
    }
}
