package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /vm/v3/host/{id}/metrics}: each {@code net_rx} / {@code net_tx} datapoint is the bytes of its 300 s step,
 * exactly the rate × the time the host was on, bursts added.
 */
class MetricsTest extends SimulatorFixture {

    private static final long GB = 1_000_000_000L;

    private JsonNode metrics(long hostId, String target, Instant from, Instant until) {
        Http.Response response = api.get("/vm/v3/host/" + hostId + "/metrics?target=" + target + "&from="
                + from.getEpochSecond() + "&until=" + until.getEpochSecond() + "&step=300");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.list();
    }

    private static List<Long> values(JsonNode series) {
        List<Long> values = new ArrayList<>();
        series.path("datapoints").forEach(p -> values.add(p.get(0).asLong()));
        return values;
    }

    private static List<Long> stepStarts(JsonNode series) {
        List<Long> starts = new ArrayList<>();
        series.path("datapoints").forEach(p -> starts.add(p.get(1).asLong()));
        return starts;
    }

    @Test
    void eachDatapointIsTheBytesOfItsStepAtTheRateInForce() {
        long id = activeHost("traffic");  // on from T0 + 200 ms
        vm6.setTrafficRate(id, 1_000_000, 250_000);
        clock.advance(Duration.ofMinutes(12).plusSeconds(30).minus(TASK));
        vm6.setTrafficRate(id, 5 * GB, GB);
        clock.advance(Duration.ofMinutes(7).plusSeconds(30));

        JsonNode list = metrics(id, "net_rx,net_tx", T0, T0.plus(Duration.ofMinutes(20)));

        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("target").asText()).isEqualTo("net_rx");
        assertThat(stepStarts(list.get(0))).containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 300,
                T0.getEpochSecond() + 600, T0.getEpochSecond() + 900);
        assertThat(values(list.get(0))).containsExactly(1_000_000L * 2998 / 10, 1_000_000L * 300,
                1_000_000L * 150 + 5 * GB * 150, 5 * GB * 300);
        assertThat(values(list.get(1))).containsExactly(250_000L * 2998 / 10, 250_000L * 300,
                250_000L * 150 + GB * 150, GB * 300);
    }

    @Test
    void theStepHoldingNowReportsTheBytesSoFarAndLaterStepsAreLeftOut() {
        long id = activeHost("now");
        vm6.setTrafficRate(id, 1_000, 0);
        clock.advance(Duration.ofMinutes(5).plusSeconds(100).minus(TASK));

        JsonNode rx = metrics(id, "net_rx", T0, T0.plus(Duration.ofHours(1))).get(0);

        assertThat(values(rx)).containsExactly(1_000L * 2998 / 10, 1_000L * 100);
    }

    @Test
    void aStoppedHostMovesNothingAndABurstLandsInItsStep() {
        long id = activeHost("power");
        vm6.setTrafficRate(id, 1_000, 3_000);
        clock.advance(Duration.ofSeconds(60).minus(TASK));
        api.post("/vm/v3/host/" + id + "/stop", null);       // off from T0 + 60.2 s
        clock.advance(Duration.ofMinutes(7));
        vm6.addTrafficBurst(id, 1_000_000, 0);                // at T0 + 8 min, while off
        clock.advance(Duration.ofMinutes(2));
        api.post("/vm/v3/host/" + id + "/start", null);      // on from T0 + 600.2 s
        clock.advance(Duration.ofMinutes(5));

        JsonNode list = metrics(id, "net_rx,net_tx,cpu_load", T0, T0.plus(Duration.ofMinutes(15)));

        assertThat(values(list.get(0))).containsExactly(60_000L, 1_000_000L, 299_800L);
        assertThat(values(list.get(1))).containsExactly(180_000L, 0L, 899_400L);
        List<Double> cpu = new ArrayList<>();
        list.get(2).path("datapoints").forEach(p -> cpu.add(p.get(0).asDouble()));
        // host 101: 10 % while on
        assertThat(cpu).containsExactly(2.0, 0.0, 9.99);
    }

    @Test
    void defaultsAreTheLastHourUpToNowInFiveMinuteStepsAndGraphiteTimesAreRead() {
        long id = activeHost("defaults");
        clock.advance(Duration.ofMinutes(20).minus(TASK));

        Http.Response last = api.get("/vm/v3/host/" + id + "/metrics?target=net_rx");
        Http.Response graphite = api.get("/vm/v3/host/" + id + "/metrics?target=net_rx&from=00:00_20250301"
                + "&until=00:10_20250301");

        assertThat(stepStarts(last.list().get(0))).hasSize(12)
                .startsWith(T0.minus(Duration.ofMinutes(40)).getEpochSecond())
                .endsWith(T0.plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(values(last.list().get(0))).startsWith(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(stepStarts(graphite.list().get(0))).containsExactly(T0.getEpochSecond(),
                T0.getEpochSecond() + 300);
        assertThat(values(graphite.list().get(0)).getFirst())
                .isEqualTo(TrafficRate.defaultFor(id).bytesInPerSecond() * 2998 / 10);
    }

    @Test
    void badParametersAnswer400NamingThem() {
        long id = activeHost("bad");
        String base = "/vm/v3/host/" + id + "/metrics?";

        for (String[] bad : new String[][] {{"", "target"}, {"target=mem_usage", "target"},
                {"target=net_rx&step=0", "step"}, {"target=net_rx&step=five", "step"},
                {"target=net_rx&from=200&until=100", "from"}, {"target=net_rx&from=yesterday", "from"},
                {"target=net_rx&from=0&until=100000&step=1", "step"}}) {
            Http.Response response = api.get(base + bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.code()).isEqualTo(1002);
            assertThat(response.error().path("value").asText()).isEqualTo(bad[1]);
        }
        assertThat(api.get("/vm/v3/host/999/metrics?target=net_rx").code()).isEqualTo(1003);
    }
}
