package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Call;
import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class FaultsTest extends SimulatorFixture {

    private static final String START = "POST /api/servers/{id}/provisioning/startReinstallation";

    @Test
    void nextThreeCallsAnswer503ThenTheCallWorks() {
        tenantOs.faults().next(3, START, 503);

        for (int i = 0; i < 3; i++) {
            Http.Response refused = startInstall(101);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.raw()).isEqualTo("{\"result\":null,\"message\":\"Service Unavailable\"}");
            assertThat(tenantOs.server(101).reinstallationRunning()).as("a refused call changes nothing").isFalse();
        }
        assertThat(startInstall(101).status()).isEqualTo(200);

        assertThat(tenantOs.server(101).reinstallationRunning()).isTrue();
        assertThat(tenantOs.faults().pending()).isEmpty();
        assertThat(tenantOs.callCount(START)).isEqualTo(4);
        assertThat(tenantOs.calls()).extracting(Call::status).containsExactly(503, 503, 503, 200);
    }

    @Test
    void tooManyRequestsSaysWhenToComeBack() {
        tenantOs.faults().next(1, "GET /api/servers/{id}", 429);

        Http.Response limited = http.get("/api/servers/101");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(http.get("/api/servers/101").status()).isEqualTo(200);
    }

    @Test
    void faultAimedAtOneServerLeavesOthersAlone() {
        tenantOs.faults().next(1, "GET /api/servers/102", 500);

        assertThat(http.get("/api/servers/101").status()).isEqualTo(200);
        assertThat(http.get("/api/servers").status()).isEqualTo(200);
        assertThat(http.get("/api/servers/102").status()).isEqualTo(500);
        assertThat(http.get("/api/servers/102").status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallsDoNotUseUpFaults() {
        tenantOs.faults().next(1, "GET /api/servers", 503);

        assertThat(http.withAuthorization("Bearer wrong").get("/api/servers").status()).isEqualTo(401);

        assertThat(tenantOs.faults().pending()).hasSize(1);
        assertThat(http.get("/api/servers").status()).isEqualTo(503);
    }

    @Test
    void delayedCallTimesTheClientOutButStillHappens() throws InterruptedException {
        tenantOs.faults().delay(1, "PUT /api/servers/{id}", Duration.ofMillis(700));
        Http impatient = http.withTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.sendOrThrow("PUT", "/api/servers/101", Map.of("hostname", "late.example")))
                .isInstanceOf(HttpTimeoutException.class);

        Instant deadline = Instant.now().plusSeconds(3);
        while (!tenantOs.server(101).hostname().equals("late.example")) {
            if (Instant.now().isAfter(deadline)) {
                fail("the delayed PUT never landed");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aCallHeldByADelayIsReceivedBeforeItIsAnswered() {
        tenantOs.faults().delay(1, START, Duration.ofSeconds(5));
        Http impatient = http.withTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.sendOrThrow("POST", "/api/servers/101/provisioning/startReinstallation",
                Map.of("profileId", 12))).isInstanceOf(HttpTimeoutException.class);

        assertThat(tenantOs.receivedCount(START)).isEqualTo(1);
        assertThat(tenantOs.callCount(START)).as("not answered yet").isZero();
        assertThat(http.withAuthorization("Bearer wrong").get("/api/servers/101").status()).isEqualTo(401);
        assertThat(tenantOs.receivedCount("GET /api/servers/{id}")).isEqualTo(1);
        assertThat(tenantOs.receivedCount("/api/nowhere")).isZero();
        http.get("/api/nowhere");
        assertThat(tenantOs.receivedCount("/api/nowhere")).isEqualTo(1);

        tenantOs.clearCalls();
        assertThat(tenantOs.receivedCount(START)).isZero();
    }

    @Test
    void randomErrorsAnswer503OrHangAndChangeNothing() {
        tenantOs.setErrorRate(1.0);
        assertThat(http.put("/api/servers/101", Map.of("hostname", "x.example")).status()).isEqualTo(503);

        tenantOs.updateSettings(s -> s.withErrorRate(1.0, Settings.ErrorMode.HANG)
                .withHangTime(Duration.ofMillis(400)));
        Http impatient = http.withTimeout(Duration.ofMillis(100));
        assertThatThrownBy(() -> impatient.sendOrThrow("PUT", "/api/servers/101", Map.of("hostname", "y.example")))
                .isInstanceOf(HttpTimeoutException.class);

        tenantOs.setErrorRate(0);
        assertThat(http.get("/api/servers/101").result().path("hostname").asText()).isEqualTo("stock-101");
    }

    @Test
    void faultsHitTheClientFunctionRoutesAndChangeNothing() {
        tenantOs.faults().next(1, "GET /api/servers/{id}/power/{method}", 503)
                .next(1, "POST /api/servers/{id}/network/ports/{portId}/disable", 502)
                .next(1, "POST /api/servers/{id}/ipassignments/rdns", 500)
                .tooManyRequests(1, "POST /api/servers/{id}/stats/network/{mode}", 2);

        assertThat(http.get("/api/servers/101/power/setPowerOff").status()).isEqualTo(503);
        assertThat(http.post("/api/servers/101/network/ports/1011/disable", null).status()).isEqualTo(502);
        assertThat(http.post("/api/servers/101/ipassignments/rdns", Map.of("ip", "203.0.113.11",
                "rdns", "a.example.com")).status()).isEqualTo(500);
        assertThat(http.post("/api/servers/101/stats/network/daily", null).headers().firstValue("Retry-After"))
                .hasValue("2");

        SimulatedServer unchanged = tenantOs.server(101);
        assertThat(unchanged.powerStatus()).isEqualTo("on");
        assertThat(unchanged.port(1011).enabled()).isTrue();
        assertThat(unchanged.ipAssignments().getFirst().rdns()).isNull();
        assertThat(tenantOs.faults().pending()).isEmpty();
        assertThat(http.get("/api/servers/101/power/setPowerOff").status()).isEqualTo(200);
    }

    @Test
    void latencyIsAddedToEveryCall() {
        tenantOs.setLatency(Duration.ofMillis(150));

        long started = System.nanoTime();
        http.get("/api/servers/101");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    private Http.Response startInstall(long serverId) {
        return http.post("/api/servers/" + serverId + "/provisioning/startReinstallation", Map.of("profileId", 12));
    }
}
