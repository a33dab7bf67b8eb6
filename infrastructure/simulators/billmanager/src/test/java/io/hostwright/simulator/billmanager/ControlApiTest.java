package io.hostwright.simulator.billmanager;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What another process sees and scripts through /_simulator (no auth, never faulted, not logged). */
class ControlApiTest extends SimulatorFixture {

    @Test
    void stateShowsBalancePricelistsLicencesSessionsAndCounts() {
        long id = order("seen", "203.0.113.50", 1);

        JsonNode state = http.control("GET", "/_simulator/state", null).json();

        assertThat(state.path("credential").asText()).isEqualTo(AUTHINFO);
        assertThat(state.path("now").asText()).isEqualTo(T0.toString());
        assertThat(state.path("balance").asText()).isEqualTo("492.00");
        assertThat(state.path("pricelists")).hasSize(4);
        assertThat(state.path("pricelists").get(0).path("id").asLong()).isEqualTo(55382);
        assertThat(state.path("licences")).hasSize(6);
        assertThat(state.path("licences").get(5).path("id").asLong()).isEqualTo(id);
        assertThat(state.path("settings").path("sessionTtlMs").asLong()).isEqualTo(3_600_000);
        assertThat(state.path("callCount").asInt()).isEqualTo(1);
        assertThat(http.control("GET", "/_simulator/licences/" + id, null).json().path("name").asText())
                .isEqualTo("seen");
        assertThat(http.control("GET", "/_simulator/licences/999", null).status()).isEqualTo(404);
        assertThat(http.control("GET", "/_simulator/licences", null).json()).hasSize(6);
    }

    @Test
    void balanceLicencesConfigFaultsAndSessionsOverHttp() {
        assertThat(http.control("PUT", "/_simulator/balance", Map.of("balance", "12.50")).json()
                .path("balance").asText()).isEqualTo("12.50");
        assertThat(bm.balance()).isEqualByComparingTo("12.50");
        assertThat(http.control("POST", "/_simulator/balance", Map.of("balance", 3)).json()
                .path("balance").asText()).isEqualTo("3.00");

        JsonNode added = http.control("POST", "/_simulator/licences", Map.of("free", true, "pricelist", 55228,
                "expiresAt", "2025-12-01T00:00:00Z", "lastIpChange", "2024-12-01T00:00:00Z",
                "lastKeyChange", "2024-12-01T00:00:00Z")).json();
        assertThat(added.path("name").asText()).isEqualTo("free.lic");
        assertThat(bm.licence(added.path("id").asLong()).free(T0)).isTrue();

        JsonNode config = http.control("PUT", "/_simulator/config", Map.of("sessionTtlMs", 60_000,
                "latencyMs", 0, "errorRate", 0)).json();
        assertThat(config.path("sessionTtlMs").asLong()).isEqualTo(60_000);
        assertThat(bm.settings().sessionTtl()).isEqualTo(Duration.ofMinutes(1));

        JsonNode faults = http.control("POST", "/_simulator/faults", Map.of("match", "POST /billmgr/soft",
                "times", 2, "status", 200, "type", "access", "message", "Access denied")).json();
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0).path("remaining").asInt()).isEqualTo(2);
        assertThat(call("soft").errorType()).isEqualTo("access");
        http.control("DELETE", "/_simulator/faults?match=" + java.net.URLEncoder.encode("POST /billmgr/soft",
                java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(bm.faults().pending()).isEmpty();
        http.control("POST", "/_simulator/faults", Map.of("match", "/billmgr/soft", "untilCleared", true,
                "status", 503));
        assertThat(call("soft").status()).isEqualTo(503);
        http.control("DELETE", "/_simulator/faults", null);
        assertThat(call("soft").ok()).isTrue();

        String session = http.post(Http.params("func", "auth", "out", "json", "username", Seed.DEMO_USER,
                "password", Seed.DEMO_PASSWORD)).doc().path("auth").path("$").asText();
        assertThat(http.control("POST", "/_simulator/sessions/expire", null).json().path("sessionIssues").asInt())
                .isEqualTo(1);
        assertThat(http.post(Http.params("func", "soft", "out", "json", "auth", session)).errorType())
                .isEqualTo("auth");
    }

    @Test
    void agingALicencesChangesOverHttpMovesOnlyItsLastIpAndKeyChange() {
        long id = order("held", "203.0.113.53", 1);
        call("soft.edit", "elid", String.valueOf(id), "licname", Seed.FREE_NAME, "ip", Seed.FREE_IP, "sok", "ok");
        String expiry = bm.licence(id).expiresAt().toString();

        Http.Response aged = http.control("POST", "/_simulator/licences/" + id + "/age", Map.of("days", 31));

        assertThat(aged.status()).as(aged.raw()).isEqualTo(200);
        assertThat(aged.json().path("lastIpChange").asText()).isEqualTo(T0.minus(Duration.ofDays(31)).toString());
        assertThat(aged.json().path("lastKeyChange").asText()).isEqualTo(T0.minus(Duration.ofDays(31)).toString());
        assertThat(aged.json().path("expiresAt").asText()).isEqualTo(expiry);
        assertThat(bm.licence(id).lastIpChange()).isEqualTo(T0.minus(Duration.ofDays(31)));
        assertThat(http.control("POST", "/_simulator/licences/999/age", Map.of("days", 31)).status()).isEqualTo(404);
        assertThat(http.control("GET", "/_simulator/licences/" + id + "/age", null).status()).isEqualTo(405);
        assertThat(bm.callCount("/_simulator/licences/{id}/age")).isZero();
    }

    @Test
    void badControlBodiesAnswer422AndChangeNothing() {
        for (Object[] bad : new Object[][] {
                {"PUT", "/_simulator/balance", Map.of()},
                {"PUT", "/_simulator/balance", Map.of("balance", -1)},
                {"PUT", "/_simulator/balance", Map.of("balance", "1.005")},
                {"PUT", "/_simulator/balance", Map.of("balance", "lots")},
                {"PUT", "/_simulator/config", Map.of("errorRate", 2)},
                {"PUT", "/_simulator/config", Map.of("sessionTtlMs", 0)},
                {"PUT", "/_simulator/config", Map.of("latencyMs", -1)},
                {"PUT", "/_simulator/config", "[1]"},
                {"PUT", "/_simulator/config", "{not json"},
                {"POST", "/_simulator/faults", Map.of("match", "nowhere", "status", 500)},
                {"POST", "/_simulator/faults", Map.of("match", "/billmgr/soft", "status", 302)},
                {"POST", "/_simulator/faults", Map.of("match", "/billmgr/soft", "status", 500, "times", 0)},
                {"POST", "/_simulator/faults", Map.of("match", "/billmgr/soft", "status", 500, "times", 2,
                        "untilCleared", true)},
                {"POST", "/_simulator/licences", Map.of("name", "x", "ip", "1.2.3.4", "pricelist", 1,
                        "expiresAt", "2025-12-01T00:00:00Z")},
                {"POST", "/_simulator/licences", Map.of("name", "x", "ip", "1.2.3", "pricelist", 55227,
                        "expiresAt", "2025-12-01T00:00:00Z")},
                {"POST", "/_simulator/licences", Map.of("name", "x", "ip", "1.2.3.4", "pricelist", 55227,
                        "expiresAt", "soon")},
                {"POST", "/_simulator/licences", Map.of("free", true, "name", "x", "pricelist", 55227,
                        "expiresAt", "2025-12-01T00:00:00Z")},
                {"POST", "/_simulator/licences", Map.of("name", "x", "ip", "1.2.3.4", "pricelist", 55227,
                        "period", 3, "expiresAt", "2025-12-01T00:00:00Z")},
                {"POST", "/_simulator/licences/1001/age", Map.of()},
                {"POST", "/_simulator/licences/1001/age", Map.of("days", 0)},
                {"POST", "/_simulator/licences/1001/age", Map.of("days", "a month")}}) {
            Http.Response response = http.control((String) bad[0], (String) bad[1], bad[2]);
            assertThat(response.status()).as(bad[1] + " " + bad[2]).isEqualTo(422);
            assertThat(response.json().path("message").asText()).isNotBlank();
        }
        assertThat(bm.settings()).isEqualTo(Settings.defaults());
        assertThat(bm.faults().pending()).isEmpty();
        assertThat(bm.balance()).isEqualByComparingTo(Seed.DEMO_BALANCE);
        assertThat(bm.licences()).hasSize(5);
        assertThat(bm.licence(1001).lastIpChange()).isEqualTo(T0.minus(Duration.ofDays(60)));
        assertThat(http.control("GET", "/_simulator/nothing", null).status()).isEqualTo(404);
        assertThat(http.control("DELETE", "/_simulator/state", null).status()).isEqualTo(405);
    }

    @Test
    void resetReturnsToTheSeed() {
        order("gone", "203.0.113.51", 12);
        call("soft.edit", "elid", "1001", "licname", "taken", "sok", "ok");
        http.post(Http.params("func", "auth", "out", "json", "username", Seed.DEMO_USER,
                "password", Seed.DEMO_PASSWORD));
        bm.faults().next(5, Faults.LIST, 500);
        clock.advance(Duration.ofDays(1));

        assertThat(http.control("POST", "/_simulator/reset", null).status()).isEqualTo(200);

        assertThat(bm.licences()).hasSize(5);
        assertThat(bm.licence(1001).name()).isEqualTo("free.lic");
        assertThat(bm.licence(1001).expiresAt()).as("relative to the clock at reset")
                .isEqualTo(T0.plus(Duration.ofDays(201)));
        assertThat(bm.balance()).isEqualByComparingTo(Seed.DEMO_BALANCE);
        assertThat(bm.sessionIssues()).isZero();
        assertThat(bm.faults().pending()).isEmpty();
        assertThat(bm.calls()).isEmpty();
        assertThat(order("again", "203.0.113.52", 1)).as("ids start over").isEqualTo(1006);
    }

    @Test
    void controlCallsAreNotLoggedNorFaulted() {
        bm.faults().failing("/_simulator/state", 500);
        call("soft");

        assertThat(http.control("GET", "/_simulator/state", null).status()).isEqualTo(200);
        assertThat(bm.callCount("/_simulator/state")).isZero();
        assertThat(bm.calls()).hasSize(1);
        assertThat(http.control("GET", "/_simulator/calls", null).json().get(0).path("path").asText())
                .isEqualTo("/billmgr/soft");
    }
}
