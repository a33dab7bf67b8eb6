package io.hostwright.simulator.billmanager;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** authinfo on every call, or a session from func=auth that lapses after an hour without requests. */
class AuthTest extends SimulatorFixture {

    @Test
    void authinfoLetsTheRightUserInAndNobodyElse() {
        assertThat(call("soft").ok()).isTrue();
        assertThat(bm.credential()).isEqualTo(AUTHINFO);

        Http.Response wrong = http.post(Http.params("func", "soft", "out", "json",
                "authinfo", Seed.DEMO_USER + ":nope"));
        Http.Response none = http.post(Http.params("func", "soft", "out", "json"));
        Http.Response noColon = http.get(Http.params("func", "soft", "out", "json", "authinfo", "reseller"));

        for (Http.Response refused : new Http.Response[] {wrong, none, noColon}) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.errorType()).as(refused.raw()).isEqualTo("auth");
            assertThat(refused.error().path("msg").path("$").asText()).isNotBlank();
        }
    }

    @Test
    void aSessionIdWorksInsteadOfCredentials() {
        Http.Response login = http.get(Http.params("func", "auth", "out", "json",
                "username", Seed.DEMO_USER, "password", Seed.DEMO_PASSWORD));

        assertThat(login.ok()).as(login.raw()).isTrue();
        String session = login.doc().path("auth").path("$").asText();
        assertThat(session).isNotBlank().isEqualTo(login.doc().path("auth").path("$id").asText());
        assertThat(http.get(Http.params("func", "soft", "out", "json", "auth", session)).ok()).isTrue();
        assertThat(bm.sessionIssues()).isEqualTo(1);
        assertThat(http.get(Http.params("func", "soft", "out", "json", "auth", "not-a-session")).errorType())
                .isEqualTo("auth");
    }

    @Test
    void loggingInWithTheWrongPasswordOrWithoutOneIsRefused() {
        Http.Response wrong = http.post(Http.params("func", "auth", "out", "json",
                "username", Seed.DEMO_USER, "password", "guess"));
        Http.Response missing = http.post(Http.params("func", "auth", "out", "json", "username", Seed.DEMO_USER));

        assertThat(wrong.errorType()).isEqualTo("auth");
        assertThat(missing.errorType()).isEqualTo("missed");
        assertThat(missing.errorObject()).isEqualTo("password");
        assertThat(bm.sessionIssues()).isZero();
    }

    @Test
    void aSessionLapsesAfterAnHourWithoutRequestsButEachRequestKeepsItAlive() {
        String session = http.post(Http.params("func", "auth", "out", "json", "username", Seed.DEMO_USER,
                "password", Seed.DEMO_PASSWORD)).doc().path("auth").path("$").asText();

        clock.advance(Duration.ofMinutes(59));
        assertThat(http.post(Http.params("func", "soft", "out", "json", "auth", session)).ok()).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(http.post(Http.params("func", "soft", "out", "json", "auth", session)).ok())
                .as("the last request moved the hour on").isTrue();
        clock.advance(Duration.ofHours(1));

        Http.Response lapsed = http.post(Http.params("func", "soft", "out", "json", "auth", session));
        assertThat(lapsed.errorType()).isEqualTo("auth");
        assertThat(call("soft").ok()).as("authinfo needs no session").isTrue();
    }

    @Test
    void expiringSessionsEndsThemAtOnce() {
        String session = http.post(Http.params("func", "auth", "out", "json", "username", Seed.DEMO_USER,
                "password", Seed.DEMO_PASSWORD)).doc().path("auth").path("$").asText();

        bm.expireSessions();

        assertThat(http.post(Http.params("func", "soft", "out", "json", "auth", session)).errorType())
                .isEqualTo("auth");
    }

    @Test
    void funcAndOutAreCheckedAndOnlyBillmgrAnswers() {
        Http.Response noFunc = http.post(Http.params("out", "json", "authinfo", AUTHINFO));
        Http.Response unknown = call("soft.explode");
        Http.Response noOut = http.post(Http.params("func", "soft", "authinfo", AUTHINFO));
        Http.Response xml = http.post(Http.params("func", "soft", "out", "xml", "authinfo", AUTHINFO));

        assertThat(noFunc.errorType()).isEqualTo("missed");
        assertThat(noFunc.errorObject()).isEqualTo("func");
        assertThat(unknown.errorType()).isEqualTo("unknown");
        assertThat(unknown.errorObject()).isEqualTo("soft.explode");
        assertThat(noOut.errorObject()).isEqualTo("out");
        assertThat(xml.errorType()).isEqualTo("value");
        assertThat(xml.errorObject()).isEqualTo("out");
        assertThat(http.raw("GET", "/manager/billmgr").status()).isEqualTo(404);
        assertThat(http.raw("PUT", "/billmgr?func=soft&out=json").status()).isEqualTo(405);
    }

    @Test
    void anUnknownFuncIsRefusedBeforeCredentialsAreChecked() {
        Http.Response unknown = http.post(Http.params("func", "nothing", "out", "json"));

        assertThat(unknown.errorType()).isEqualTo("unknown");
    }
}
