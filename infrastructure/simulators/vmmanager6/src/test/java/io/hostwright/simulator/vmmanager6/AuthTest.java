package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The token service: 201 with a token, 401 / 1004 for bad credentials, 401 / 1000 once it expires. */
class AuthTest extends SimulatorFixture {

    private static final Map<String, String> ADMIN = Map.of("email", Seed.ADMIN_EMAIL, "password",
            Seed.ADMIN_PASSWORD);

    @Test
    void theCredentialIsEmailColonPasswordOfTheSeededAdmin() {
        String credential = vm6.credential();
        int colon = credential.indexOf(':');

        assertThat(credential).isEqualTo("admin@vm6.local:vm6-admin-password");
        Http.Response login = control.post("/auth/v4/public/token",
                Map.of("email", credential.substring(0, colon), "password", credential.substring(colon + 1)));
        assertThat(login.status()).isEqualTo(201);
        assertThat(vm6.backend()).isEqualTo("vmmanager6");
    }

    @Test
    void aTokenIsIssuedWith201AndLastsTheConfiguredTime() {
        Http.Response login = control.post("/auth/v4/public/token", ADMIN);

        assertThat(login.status()).isEqualTo(201);
        assertThat(login.json().path("token").asText()).isNotBlank();
        assertThat(Instant.parse(login.json().path("expires_at").asText())).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(control.withToken(login.json().path("token").asText()).get("/vm/v3/account").status())
                .isEqualTo(200);
    }

    @Test
    void wrongCredentialsAnswer401Code1004() {
        Http.Response wrong = control.post("/auth/v4/public/token",
                Map.of("email", Seed.ADMIN_EMAIL, "password", "nope"));
        Http.Response unknown = control.post("/auth/v4/public/token",
                Map.of("email", "who@vm6.local", "password", "nope"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo(1004);
        assertThat(unknown.code()).isEqualTo(1004);
        assertThat(control.post("/auth/v4/public/token", Map.of("email", Seed.ADMIN_EMAIL)).error().path("value")
                .asText()).isEqualTo("password");
    }

    @Test
    void aMissingOrUnknownTokenAnswers401SessionExpired() {
        Http.Response none = control.get("/vm/v3/host");
        Http.Response unknown = control.withToken("not-a-token").get("/vm/v3/host");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw()).isEqualTo("{\"error\":{\"code\":1000,\"msg\":\"Session expired\",\"value\":null}}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo(1000);
    }

    @Test
    void anExpiredTokenAnswers401ThenOneReAuthWorks() {
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(59));
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        Http.Response expired = api.get("/vm/v3/host");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(1000);

        Http again = Http.admin(vm6);
        assertThat(again.get("/vm/v3/host").status()).isEqualTo(200);
        assertThat(vm6.tokenIssues()).as("the fixture's login and one re-auth").isEqualTo(2);
    }

    @Test
    void theTokenLifetimeComesFromTheSettings() {
        vm6.setTokenTtl(Duration.ofMinutes(5));
        Http shortLived = Http.admin(vm6);

        clock.advance(Duration.ofMinutes(5));

        assertThat(shortLived.get("/vm/v3/host").code()).isEqualTo(1000);
        assertThat(api.get("/vm/v3/host").status()).as("issued before the change: an hour").isEqualTo(200);
    }

    @Test
    void expiringEveryTokenAtOnceWorksWhateverTheClock() {
        vm6.expireTokens();

        assertThat(api.get("/vm/v3/host").code()).isEqualTo(1000);
        assertThat(Http.admin(vm6).get("/vm/v3/host").status()).isEqualTo(200);
    }

    @Test
    void aSuspendedAccountCannotLogInAndItsTokensStop() {
        Http.Response created = api.post("/vm/v3/account",
                Map.of("email", "user@example.com", "password", "pw-123456", "role", "@user"));
        long id = created.json().path("id").asLong();
        Http.Response login = control.post("/auth/v4/public/token",
                Map.of("email", "user@example.com", "password", "pw-123456"));
        Http user = control.withToken(login.json().path("token").asText());
        assertThat(user.get("/vm/v3/os").status()).isEqualTo(200);

        api.post("/vm/v3/account/" + id + "/suspend", null);

        assertThat(user.get("/vm/v3/os").code()).isEqualTo(1000);
        assertThat(control.post("/auth/v4/public/token",
                Map.of("email", "user@example.com", "password", "pw-123456")).code()).isEqualTo(1004);
    }
}
