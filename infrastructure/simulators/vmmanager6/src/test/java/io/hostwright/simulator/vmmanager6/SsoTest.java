package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SSO keys: issued for an account by e-mail, opening the panel once. */
class SsoTest extends SimulatorFixture {

    @Test
    void aKeyOpensThePageOnceThen410() {
        Http.Response key = api.post("/auth/v4/user/admin@vm6.local/key", null);

        assertThat(key.status()).isEqualTo(200);
        String k = key.json().path("key").asText();
        assertThat(k).isNotBlank();
        Http.Response first = control.get("/auth/key-v4/" + k);
        assertThat(first.status()).as("no token needed").isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(first.raw()).contains("Logged in as admin@vm6.local");
        assertThat(control.get("/auth/key-v4/" + k).status()).isEqualTo(410);
        assertThat(control.get("/auth/key-v4/never-issued").status()).isEqualTo(404);
    }

    @Test
    void eachKeyIsItsOwn() {
        String a = api.post("/auth/v4/user/admin@vm6.local/key", null).json().path("key").asText();
        String b = api.post("/auth/v4/user/ADMIN@vm6.local/key", null).json().path("key").asText();

        assertThat(a).isNotEqualTo(b);
        assertThat(control.get("/auth/key-v4/" + b).status()).isEqualTo(200);
        assertThat(control.get("/auth/key-v4/" + a).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountAnswers404AndASuspendedOne409Code1007() {
        long id = api.post("/vm/v3/account", Map.of("email", "sso@example.com", "password", "pw-123456"))
                .json().path("id").asLong();
        String early = api.post("/auth/v4/user/sso@example.com/key", null).json().path("key").asText();
        api.post("/vm/v3/account/" + id + "/suspend", null);

        Http.Response unknown = api.post("/auth/v4/user/nobody@example.com/key", null);
        Http.Response suspended = api.post("/auth/v4/user/sso@example.com/key", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(1003);
        assertThat(unknown.error().path("value").asText()).isEqualTo("nobody@example.com");
        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.code()).isEqualTo(1007);
        assertThat(control.get("/auth/key-v4/" + early).status()).as("issued before the suspension").isEqualTo(410);

        api.post("/vm/v3/account/" + id + "/resume", null);
        assertThat(api.post("/auth/v4/user/sso@example.com/key", null).status()).isEqualTo(200);
    }

    @Test
    void issuingAKeyNeedsAToken() {
        assertThat(control.post("/auth/v4/user/admin@vm6.local/key", null).code()).isEqualTo(1000);
    }
}
