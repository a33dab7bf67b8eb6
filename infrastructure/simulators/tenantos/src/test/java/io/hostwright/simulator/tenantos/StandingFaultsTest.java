package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static io.hostwright.simulator.tenantos.TrafficRateTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Faults that hold until cleared: the statistics call of this installation made slow, failing, or both. */
class StandingFaultsTest extends SimulatorFixture {

    private static final String STATS = Faults.NETWORK_STATS;
    private static final Duration SLOW = Duration.ofMillis(400);

    @Test
    void failingHoldsForEveryMatchingCallUntilCleared() {
        tenantOs.faults().failing(STATS, 503);

        for (String mode : new String[] {"5min", "hourly", "5min", "monthly"}) {
            Http.Response refused = stats(102, mode);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.message()).isEqualTo("Service Unavailable");
        }
        assertThat(http.get("/api/servers/102").status()).isEqualTo(200);
        assertThat(tenantOs.faults().pending()).singleElement()
                .satisfies(f -> assertThat(f.untilCleared()).isTrue())
                .satisfies(f -> assertThat(f.remaining()).isEqualTo(Fault.UNTIL_CLEARED));

        tenantOs.faults().clear();
        assertThat(stats(102, "5min").status()).isEqualTo(200);
        assertThat(tenantOs.callCount(STATS)).isEqualTo(5);
    }

    @Test
    void slowAddsTheRoutesOwnLatencyOnTopOfTheGlobalOne() {
        tenantOs.faults().slow(STATS, SLOW);
        tenantOs.setLatency(Duration.ofMillis(100));

        Timed<Http.Response> first = timed(() -> stats(101, "5min"));
        Timed<Http.Response> second = timed(() -> stats(101, "hourly"));

        assertThat(first.value().status()).isEqualTo(200);
        assertThat(second.value().status()).isEqualTo(200);
        assertThat(first.took()).isGreaterThanOrEqualTo(SLOW.plusMillis(100));
        assertThat(second.took()).isGreaterThanOrEqualTo(SLOW.plusMillis(100));
        tenantOs.setLatency(Duration.ZERO);
        assertThat(timed(() -> http.get("/api/servers/101")).took()).isLessThan(SLOW);
    }

    @Test
    void slowAndFailingAtOnceWaitsThenAnswersTheStatus() {
        tenantOs.faults().failing(STATS, 504, SLOW);

        Timed<Http.Response> answer = timed(() -> stats(103, "daily"));

        assertThat(answer.value().status()).isEqualTo(504);
        assertThat(answer.value().message()).isEqualTo("Gateway Timeout");
        assertThat(answer.took()).isGreaterThanOrEqualTo(SLOW);
    }

    @Test
    void countedFaultsGoBeforeStandingOnesAndAreUsedUp() {
        tenantOs.faults().slow(STATS, SLOW).next(2, STATS, 500);

        Timed<Http.Response> first = timed(() -> stats(104, "5min"));
        Http.Response second = stats(104, "5min");
        Timed<Http.Response> third = timed(() -> stats(104, "5min"));

        assertThat(first.value().status()).isEqualTo(500);
        assertThat(first.took()).isLessThan(SLOW);
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.value().status()).isEqualTo(200);
        assertThat(third.took()).isGreaterThanOrEqualTo(SLOW);
        assertThat(tenantOs.faults().pending()).singleElement().satisfies(f -> assertThat(f.untilCleared()).isTrue());
    }

    @Test
    void aStandingFaultAimedAtOneServerOrModeLeavesTheOthersAlone() {
        tenantOs.faults().failing("POST /api/servers/105/stats/network/{mode}", 502)
                .failing("POST /api/servers/{id}/stats/network/monthly", 500);

        assertThat(stats(105, "5min").status()).isEqualTo(502);
        assertThat(stats(106, "5min").status()).isEqualTo(200);
        assertThat(stats(106, "monthly").status()).isEqualTo(500);
    }

    @Test
    void clearingOneMatchKeepsTheRest() {
        tenantOs.faults().failing(STATS, 503).next(3, "GET /api/servers/{id}", 500);

        tenantOs.faults().clear("POST /api/servers/*/stats/network/*");

        assertThat(tenantOs.faults().pending()).extracting(Fault::match).containsExactly("GET /api/servers/{id}");
        assertThat(stats(101, "5min").status()).isEqualTo(200);
    }

    @Test
    void theControlApiScriptsStandingFaults() {
        Http control = http.withAuthorization(null);

        JsonNode pending = control.post("/_simulator/faults", Map.of("match", STATS, "untilCleared", true,
                "status", 503, "delayMs", 200)).json();
        control.post("/_simulator/faults", Map.of("match", "GET /api/servers/{id}", "untilCleared", true,
                "delayMs", 150));

        assertThat(pending).singleElement().satisfies(f -> {
            assertThat(f.path("untilCleared").asBoolean()).isTrue();
            assertThat(f.path("remaining").isNull()).isTrue();
            assertThat(f.path("status").asInt()).isEqualTo(503);
            assertThat(f.path("delayMs").asLong()).isEqualTo(200);
        });
        Timed<Http.Response> failed = timed(() -> stats(101, "5min"));
        assertThat(failed.value().status()).isEqualTo(503);
        assertThat(failed.took()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(timed(() -> http.get("/api/servers/101")).took()).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        JsonNode left = control.delete("/_simulator/faults?match="
                + URLEncoder.encode("POST /api/servers/{id}/stats/network/{mode}", StandardCharsets.UTF_8)).json();

        assertThat(left).extracting(f -> f.path("match").asText()).containsExactly("GET /api/servers/{id}");
        assertThat(stats(101, "5min").status()).isEqualTo(200);
        assertThat(control.delete("/_simulator/faults").json()).isEmpty();
    }

    @Test
    void badFaultsOverTheControlApiAre422NamingTheField() {
        Http control = http.withAuthorization(null);
        String path = "/_simulator/faults";

        assertRefused(control.post(path, Map.of("match", STATS, "untilCleared", "yes", "status", 503)), 422,
                "untilCleared must be true or false");
        assertRefused(control.post(path, Map.of("match", STATS, "untilCleared", true, "times", 2, "status", 503)),
                422, "times field must be left out");
        assertRefused(control.post(path, Map.of("match", STATS, "times", 0, "status", 503)), 422,
                "times must be at least 1");
        assertRefused(control.post(path, Map.of("match", STATS, "times", -2, "status", 503)), 422,
                "times must be between 0 and");
        assertRefused(control.post(path, Map.of("match", STATS, "status", 200)), 422, "status must be an HTTP error");
        assertRefused(control.post(path, Map.of("match", STATS)), 422, "status field is required");
        assertRefused(control.post(path, Map.of("match", STATS, "delayMs", -1)), 422, "delayMs must be between 0");
        assertRefused(control.post(path, Map.of("match", STATS, "status", 503, "delayMs", "soon")), 422,
                "delayMs must be a whole number");
        assertRefused(control.post(path, Map.of("match", "stats please", "status", 503)), 422, "The match must be");
        assertRefused(control.post(path, Map.of("status", 503)), 422, "match field is required");
        assertRefused(control.delete(path + "?match=nowhere"), 422, "The match must be");
        assertThat(tenantOs.faults().pending()).isEmpty();
    }

    private Http.Response stats(long serverId, String mode) {
        return http.post("/api/servers/" + serverId + "/stats/network/" + mode, null);
    }

    private record Timed<T>(T value, Duration took) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long started = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
    }
}
