package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.hostwright.simulator.tenantos.TrafficRateTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A burst adds its bytes at the clock's now, into the interval holding now, whether or not traffic flows. */
class TrafficBurstTest extends TrafficFixture {

    private static final long TB = 1_000_000_000_000L;

    @Test
    void aBurstLandsInTheIntervalHoldingNowEvenWhereNoTrafficFlows() {
        clock.advance(Duration.ofMinutes(7));
        tenantOs.addTrafficBurst(101, TB, 2 * TB);
        clock.advance(Duration.ofMinutes(8));

        JsonNode samples = stats(101, "5min", T0, T0.plus(Duration.ofMinutes(15)));

        assertThat(bytesIn(samples)).containsExactly(0, TB, 0);
        assertThat(bytesOut(samples)).containsExactly(0, 2 * TB, 0);
        assertThat(samples.get(1).path("packetsOut").asLong()).isEqualTo(2 * TB / 1_000);
        assertThat(tenantOs.traffic(101).flowing()).isFalse();
        assertThat(tenantOs.traffic(101).counterBytesIn()).isEqualTo(TB);
    }

    @Test
    void aBurstComesOnTopOfTheFlowingTraffic() {
        tenantOs.reassign(102, CUSTOMER);
        clock.advance(Duration.ofMinutes(30));
        tenantOs.addTrafficBurst(102, 5_000, 0);
        tenantOs.addTrafficBurst(102, 1, 7);
        clock.advance(Duration.ofMinutes(30));

        JsonNode hour = stats(102, "hourly", T0, T0.plus(Duration.ofHours(1)));

        long rate = NetworkTraffic.bytesInPerSecond(102);
        assertThat(bytesIn(hour)).containsExactly(rate * 3_600 + 5_001);
        assertThat(bytesOut(hour)).containsExactly(4 * rate * 3_600 + 7);
    }

    @Test
    void aWindowShowsABurstOnceItsToIsPastIt() {
        clock.advance(Duration.ofMinutes(2));
        tenantOs.addTrafficBurst(103, 1_000_000, 0);

        long endingNow = lastSampleIn(http.post("/api/servers/103/stats/network/5min", null).result());
        long upToTheIntervalsEnd = bytesIn(stats(103, "5min", T0, T0.plus(Duration.ofMinutes(5))))[0];
        clock.advance(Duration.ofSeconds(1));
        long aSecondLater = lastSampleIn(http.post("/api/servers/103/stats/network/5min", null).result());

        assertThat(endingNow).isZero();
        assertThat(upToTheIntervalsEnd).isEqualTo(1_000_000);
        assertThat(aSecondLater).isEqualTo(1_000_000);
    }

    private static long lastSampleIn(JsonNode samples) {
        assertThat(samples.get(samples.size() - 1).path("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
        return samples.get(samples.size() - 1).path("bytesIn").asLong();
    }

    @Test
    void theControlApiAddsABurst() {
        clock.advance(Duration.ofMinutes(1));

        Http.Response burst = control.post("/_simulator/servers/104/traffic/burst", Map.of("bytesIn", "2e12"));
        Http.Response bytesOutOnly = control.post("/_simulator/servers/104/traffic/burst", "{\"bytesOut\": 3e12}");
        clock.advance(Duration.ofMinutes(1));

        assertThat(burst.status()).isEqualTo(422);
        assertThat(bytesOutOnly.status()).isEqualTo(200);
        assertThat(bytesOutOnly.json().path("counterBytesOut").asLong()).isEqualTo(3 * TB);
        assertThat(control.post("/_simulator/servers/104/traffic/burst", Map.of("bytesIn", 2 * TB)).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        JsonNode samples = stats(104, "5min", T0, T0.plus(Duration.ofMinutes(5)));
        assertThat(bytesIn(samples)).containsExactly(2 * TB);
        assertThat(bytesOut(samples)).containsExactly(3 * TB);
    }

    @Test
    void badBurstsAreRefusedNamingTheField() {
        String path = "/_simulator/servers/105/traffic/burst";
        assertRefused(control.post(path, Map.of()), 422, "bytesIn or bytesOut field is required");
        assertRefused(control.post(path, null), 422, "bytesIn or bytesOut field is required");
        assertRefused(control.post(path, Map.of("bytesIn", -5)), 422, "bytesIn must be between 0 and");
        assertRefused(control.post(path, Map.of("bytesIn", 1, "bytesOut", NetworkTraffic.MAX_BURST_BYTES + 1)), 422,
                "bytesOut must be between 0 and 1000000000000000");
        assertRefused(control.post(path, Map.of("bytesOut", true)), 422, "bytesOut must be a whole number");
        assertRefused(control.post("/_simulator/servers/999/traffic/burst", Map.of("bytesIn", 1)), 404,
                "No server 999");
        assertRefused(control.get("/_simulator/servers/105/traffic/burst"), 405, "Use POST");
        assertThat(tenantOs.traffic(105).counterBytesIn()).isZero();

        assertThatThrownBy(() -> tenantOs.addTrafficBurst(105, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytesOut");
    }
}
