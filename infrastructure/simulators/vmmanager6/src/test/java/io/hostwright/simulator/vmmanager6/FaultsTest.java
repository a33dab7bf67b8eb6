package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Scripted faults: counted or standing, answers or delays, by route template. */
class FaultsTest extends SimulatorFixture {

    @Test
    void theNextCallsAnswerTheFaultThenTheCallWorks() {
        vm6.faults().next(2, Faults.CREATE_HOST, 500);

        for (int i = 0; i < 2; i++) {
            Http.Response refused = api.post("/vm/v3/host", hostBody("later"));
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.raw())
                    .isEqualTo("{\"error\":{\"code\":500,\"msg\":\"Internal server error\",\"value\":null}}");
        }
        assertThat(vm6.hosts()).as("a refused call changes nothing").isEmpty();
        assertThat(api.post("/vm/v3/host", hostBody("later")).status()).isEqualTo(200);

        assertThat(vm6.faults().pending()).isEmpty();
        assertThat(vm6.callCount(Faults.CREATE_HOST)).isEqualTo(3);
        assertThat(vm6.calls()).extracting(Call::status).containsExactly(201, 500, 500, 200);
    }

    @Test
    void aFault503HasNoBodyLikeASleepingInstanceAndCodesAndMessagesCanBeChosen() {
        vm6.faults().next(1, "GET /vm/v3/host/{id}", 503)
                .next(1, "GET /vm/v3/task", 502, 7001, "Consul unavailable");

        Http.Response unavailable = api.get("/vm/v3/host/101");
        Http.Response custom = api.get("/vm/v3/task");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.raw()).isEmpty();
        assertThat(custom.status()).isEqualTo(502);
        assertThat(custom.code()).isEqualTo(7001);
        assertThat(custom.error().path("msg").asText()).isEqualTo("Consul unavailable");
    }

    @Test
    void aFaultAimedAtOneHostLeavesOthersAlone() {
        long a = activeHost("a");
        long b = activeHost("b");
        vm6.faults().next(1, "POST /vm/v3/host/" + b + "/stop", 500);

        assertThat(api.post("/vm/v3/host/" + a + "/stop", null).status()).isEqualTo(200);
        assertThat(api.post("/vm/v3/host/" + b + "/stop", null).status()).isEqualTo(500);
        assertThat(api.post("/vm/v3/host/" + b + "/stop", null).status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallsDoNotUseUpFaultsButTheTokenRouteCanFail() {
        vm6.faults().next(1, "GET /vm/v3/host", 500).next(1, Faults.TOKEN, 503);

        assertThat(control.get("/vm/v3/host").status()).isEqualTo(401);
        assertThat(control.post("/auth/v4/public/token", Map.of("email", Seed.ADMIN_EMAIL, "password",
                Seed.ADMIN_PASSWORD)).status()).isEqualTo(503);

        assertThat(vm6.faults().pending()).hasSize(1);
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(500);
        assertThat(vm6.tokenIssues()).isEqualTo(1);
    }

    @Test
    void standingFaultsHoldUntilClearedAndCountedOnesGoFirst() {
        vm6.faults().failing(Faults.METRICS, 504).next(1, "GET /vm/v3/host/*/metrics", 429);
        long id = activeHost("m");

        Http.Response limited = api.get("/vm/v3/host/" + id + "/metrics?target=net_rx");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/vm/v3/host/" + id + "/metrics?target=net_rx").status()).isEqualTo(504);
        }

        control.delete("/_simulator/faults?match=" + Http.encode("GET /vm/v3/host/*/metrics"));
        assertThat(api.get("/vm/v3/host/" + id + "/metrics?target=net_rx").status()).isEqualTo(200);
    }

    @Test
    void faultsScriptedOverHttpHitTheApi() {
        control.post("/_simulator/faults", Map.of("match", "GET /vm/v3/os", "times", 2, "status", 500,
                "code", 42, "message", "Repository sync"));

        assertThat(api.get("/vm/v3/os").code()).isEqualTo(42);
        assertThat(control.get("/_simulator/faults").json().get(0).path("remaining").asInt()).isEqualTo(1);
        assertThat(api.get("/vm/v3/os").status()).isEqualTo(500);
        assertThat(api.get("/vm/v3/os").status()).isEqualTo(200);
    }

    @Test
    void aDelayedCallTimesTheClientOutButStillHappens() throws InterruptedException {
        vm6.faults().delay(1, Faults.CREATE_HOST, Duration.ofMillis(1500));
        Http impatient = api.withTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.sendOrThrow("POST", "/vm/v3/host", hostBody("late")))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(vm6.receivedCount(Faults.CREATE_HOST)).isEqualTo(1);

        Instant deadline = Instant.now().plusSeconds(10);
        while (vm6.hosts().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("the delayed create never landed");
            }
            Thread.sleep(10);
        }
        assertThat(vm6.hosts()).extracting(SimulatedHost::name).containsExactly("late");
    }

    @Test
    void aRandomErrorRateAnswers500WithoutRunningTheCall() {
        vm6.setErrorRate(1.0);

        assertThat(api.post("/vm/v3/host", hostBody("never")).status()).isEqualTo(500);
        assertThat(vm6.hosts()).isEmpty();

        vm6.setErrorRate(0);
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);
    }
}
