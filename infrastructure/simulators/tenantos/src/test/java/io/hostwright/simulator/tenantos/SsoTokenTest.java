package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Client-area login links: a token from the API, opened once in a browser (no key) before it expires. */
class SsoTokenTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private TenantOsSimulator tenantOs;
    private Http http;
    private Http browser;
    private long customer;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock));
        http = new Http(tenantOs);
        browser = http.withAuthorization(null);
        customer = http.post("/api/users", Map.of("name", "Sso Customer", "username", "sso-customer",
                "password", "pw", "email", "sso@example.com", "role_id", 3)).result().path("id").asLong();
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void aTokenOpensTheClientAreaOnceWithoutTheApiKey() {
        String token = token("/servers/101/console", 60);

        assertThat(token).matches("[0-9a-f]{40}");
        Http.Response page = browser.get("/tokenLogin/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.raw()).contains("Logged in as sso-customer, opening /servers/101/console");

        assertThat(browser.get("/tokenLogin/" + token).status()).as("single use").isEqualTo(410);
        assertThat(tenantOs.ssoTokens()).singleElement().satisfies(t -> {
            assertThat(t.authToken()).isEqualTo(token);
            assertThat(t.userId()).isEqualTo(customer);
            assertThat(t.endpoint()).isEqualTo("/servers/101/console");
            assertThat(t.expiresAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(t.used()).isTrue();
        });
        assertThat(tenantOs.calls()).extracting(Call::template).containsExactly("/api/users",
                "/api/users/{id}/generateSsoToken");
    }

    @Test
    void anExpiredTokenIsGoneAndAnUnknownOneNotFound() {
        String token = token("/servers", 60);
        String defaulted = http.post("/api/users/" + customer + "/generateSsoToken", Map.of("endpoint", "/servers"))
                .result().path("authToken").asText();

        clock.advance(Duration.ofSeconds(60));

        assertThat(browser.get("/tokenLogin/" + token).status()).isEqualTo(410);
        assertThat(browser.get("/tokenLogin/" + defaulted).status()).as("300 s by default").isEqualTo(200);
        assertThat(browser.get("/tokenLogin/" + "0".repeat(40)).status()).isEqualTo(404);
        assertThat(browser.get("/tokenLogin/").status()).isEqualTo(404);
        assertThat(browser.post("/tokenLogin/" + token, null).status()).isEqualTo(405);
        assertThat(tenantOs.ssoTokens()).extracting(SsoToken::expiresAt)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(300));
    }

    @Test
    void badRequestsAre422AndUnknownUsers404() {
        String path = "/api/users/" + customer + "/generateSsoToken";

        assertThat(http.post(path, Map.of()).message()).isEqualTo("The endpoint field is required.");
        assertThat(http.post(path, Map.of("endpoint", "servers")).status()).isEqualTo(422);
        assertThat(http.post(path, Map.of("endpoint", "//evil.example.com/")).status()).isEqualTo(422);
        assertThat(http.post(path, Map.of("endpoint", "/servers", "validForSeconds", 0)).status()).isEqualTo(422);
        assertThat(http.post(path, Map.of("endpoint", "/servers", "validForSeconds", 86_401)).status()).isEqualTo(422);
        assertThat(http.post(path, Map.of("endpoint", "/servers", "validForSeconds", "soon")).status()).isEqualTo(422);
        assertThat(http.post(path, Map.of("endpoint", "/servers", "validForSeconds", 86_400)).status()).isEqualTo(200);
        assertThat(http.post("/api/users/999/generateSsoToken", Map.of("endpoint", "/servers")).status())
                .isEqualTo(404);
        assertThat(tenantOs.ssoTokens()).hasSize(1);
    }

    @Test
    void aTokenOfADeletedUserNoLongerLogsIn() {
        String token = token("/servers", 60);
        http.delete("/api/users/" + customer);

        assertThat(browser.get("/tokenLogin/" + token).status()).isEqualTo(410);
    }

    @Test
    void faultsHitTheTokenCallAndTheControlApiListsTokens() {
        tenantOs.faults().next(1, "POST /api/users/{id}/generateSsoToken", 503);

        assertThat(http.post("/api/users/" + customer + "/generateSsoToken", Map.of("endpoint", "/servers"))
                .status()).isEqualTo(503);
        assertThat(tenantOs.ssoTokens()).isEmpty();

        String token = token("/servers", 60);
        JsonNode listed = browser.get("/_simulator/ssoTokens").json();
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.path("authToken").asText()).isEqualTo(token);
            assertThat(t.path("userId").asLong()).isEqualTo(customer);
            assertThat(t.path("used").asBoolean()).isFalse();
        });
        tenantOs.reset();
        assertThat(tenantOs.ssoTokens()).isEmpty();
    }

    private String token(String endpoint, int seconds) {
        Http.Response response = http.post("/api/users/" + customer + "/generateSsoToken",
                Map.of("endpoint", endpoint, "validForSeconds", seconds));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result().fieldNames()).toIterable().containsExactly("authToken");
        return response.result().path("authToken").asText();
    }
}
