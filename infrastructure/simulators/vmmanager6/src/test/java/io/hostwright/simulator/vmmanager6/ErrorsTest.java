package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The error object, unknown routes, functions not exposed externally and a sleeping instance. */
class ErrorsTest extends SimulatorFixture {

    @Test
    void anUnknownIdAnswers404Code1003NamingTheId() {
        Http.Response missing = api.get("/vm/v3/host/999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw()).isEqualTo("{\"error\":{\"code\":1003,\"msg\":\"Host not found\",\"value\":999}}");
        assertThat(api.get("/vm/v3/host/abc").error().path("value").asText()).isEqualTo("abc");
    }

    @Test
    void anUnknownRouteAnswers404Code1001AndAWrongMethod405() {
        Http.Response unknown = api.get("/vm/v3/nothing");
        Http.Response wrongMethod = api.put("/vm/v3/host", Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(1001);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo(1001);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void internalFunctionsAnswer403Code3001() {
        for (Http client : new Http[] {api, control}) {
            Http.Response internal = client.post("/vm/v3/internal/host/101/migrate", Map.of());
            assertThat(internal.status()).isEqualTo(403);
            assertThat(internal.raw()).isEqualTo("{\"error\":{\"code\":3001,\"msg\":\"Unauthorized\",\"value\":null}}");
        }
    }

    @Test
    void validationErrorsAnswer400Code1002NamingTheField() {
        Http.Response badJson = api.post("/vm/v3/host", "{not json");
        Http.Response missing = api.post("/vm/v3/account", Map.of("password", "x"));
        Http.Response wrongType = api.post("/vm/v3/account",
                Map.of("email", "a@example.com", "password", "pw", "role", "@root"));

        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.code()).isEqualTo(1002);
        assertThat(badJson.error().path("value").asText()).isEqualTo("body");
        assertThat(missing.error().path("value").asText()).isEqualTo("email");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error().path("value").asText()).isEqualTo("role");
    }

    @Test
    void asleepEveryApiCallAnswers503WithAnEmptyBodyUntilTheSleepEnds() {
        vm6.sleepFor(Duration.ofSeconds(30));

        for (Http.Response asleep : new Http.Response[] {api.get("/vm/v3/host"), control.get("/vm/v3/host"),
                api.get("/vm/v3/nothing"), control.post("/auth/v4/public/token", Map.of()),
                control.get("/auth/key-v4/whatever"), api.post("/vm/v3/internal/x", null)}) {
            assertThat(asleep.status()).isEqualTo(503);
            assertThat(asleep.raw()).isEmpty();
        }
        assertThat(control.get("/_simulator/state").status()).as("the control API never sleeps").isEqualTo(200);
        assertThat(vm6.asleepUntil()).hasValue(T0.plusSeconds(30));
        assertThat(vm6.callCount("GET /vm/v3/host")).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));

        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);
        assertThat(vm6.asleepUntil()).isEmpty();
    }

    @Test
    void aSleepingInstanceChangesNothing() {
        vm6.sleepFor(Duration.ofSeconds(5));

        assertThat(api.post("/vm/v3/host", hostBody("sleepy")).status()).isEqualTo(503);

        vm6.wake();
        assertThat(vm6.hosts()).isEmpty();
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);
    }
}
