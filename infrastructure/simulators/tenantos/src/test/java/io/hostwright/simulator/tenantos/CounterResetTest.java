package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static io.hostwright.simulator.tenantos.TrafficRateTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switch counter reset: the interval holding it reports the counter it had less (TenantOS stores reading now −
 * reading before), intervals after it report as usual.
 */
class CounterResetTest extends TrafficFixture {

    @Test
    void theIntervalHoldingTheResetLosesEverythingTheCounterHeld() {
        tenantOs.reassign(102, CUSTOMER);
        long rate = NetworkTraffic.bytesInPerSecond(102);
        clock.advance(Duration.ofMinutes(12));
        tenantOs.addTrafficBurst(102, 1_000_000, 0);
        clock.advance(Duration.ofMinutes(1));

        CounterReset reset = tenantOs.resetTrafficCounter(102);
        clock.advance(Duration.ofMinutes(7));
        JsonNode samples = stats(102, "5min", T0, T0.plus(Duration.ofMinutes(20)));

        long droppedIn = rate * 13 * 60 + 1_000_000;
        assertThat(reset).isEqualTo(new CounterReset(102, T0.plus(Duration.ofMinutes(13)), droppedIn,
                4 * rate * 13 * 60));
        assertThat(bytesIn(samples)).containsExactly(rate * 300, rate * 300, rate * 300 + 1_000_000 - droppedIn,
                rate * 300);
        assertThat(bytesIn(samples)[2]).isEqualTo(-1_440_000);
        assertThat(bytesOut(samples)).containsExactly(4 * rate * 300, 4 * rate * 300, 4 * rate * (300 - 13 * 60),
                4 * rate * 300);
        assertThat(samples.get(2).path("packetsIn").asLong()).isEqualTo(-1_440);
        // what every sample since the start adds up to is what the counter reads now
        assertThat(Arrays.stream(bytesIn(samples)).sum()).isEqualTo(tenantOs.traffic(102).counterBytesIn())
                .isEqualTo(rate * 7 * 60);
        assertThat(tenantOs.traffic(102).counterSince()).isEqualTo(reset.at());
        assertThat(bytesIn(stats(102, "hourly", T0, T0.plus(Duration.ofHours(1))))).containsExactly(rate * 7 * 60);
    }

    @Test
    void aSecondResetDropsOnlyWhatWasCountedSinceTheFirst() {
        tenantOs.reassign(103, CUSTOMER);
        long rate = NetworkTraffic.bytesInPerSecond(103);
        clock.advance(Duration.ofMinutes(10));
        tenantOs.resetTrafficCounter(103);
        clock.advance(Duration.ofMinutes(20));

        CounterReset second = tenantOs.resetTrafficCounter(103);
        clock.advance(Duration.ofMinutes(30));

        assertThat(second.droppedBytesIn()).isEqualTo(rate * 20 * 60);
        JsonNode quarters = stats(103, "5min", T0, T0.plus(Duration.ofHours(1)));
        long[] expected = new long[12];
        Arrays.fill(expected, rate * 300);
        expected[2] -= rate * 10 * 60;
        expected[6] -= rate * 20 * 60;
        assertThat(bytesIn(quarters)).containsExactly(expected);
    }

    @Test
    void aBurstAtTheSameInstantBelongsToTheCounterItWasAddedTo() {
        clock.advance(Duration.ofMinutes(1));
        tenantOs.addTrafficBurst(104, 500, 0);
        CounterReset reset = tenantOs.resetTrafficCounter(104);
        tenantOs.addTrafficBurst(104, 70, 0);
        clock.advance(Duration.ofMinutes(1));

        assertThat(reset.droppedBytesIn()).isEqualTo(500);
        assertThat(tenantOs.traffic(104).counterBytesIn()).isEqualTo(70);
        assertThat(bytesIn(stats(104, "5min", T0, T0.plus(Duration.ofMinutes(5))))).containsExactly(70);
    }

    @Test
    void resettingAnEmptyCounterChangesNoFigure() {
        clock.advance(Duration.ofMinutes(3));

        assertThat(tenantOs.resetTrafficCounter(101).droppedBytesIn()).isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(bytesIn(stats(101, "5min", T0, T0.plus(Duration.ofMinutes(10))))).containsExactly(0, 0);
    }

    @Test
    void theSimulatorsResetStartsEveryCounterAgain() {
        tenantOs.reassign(105, CUSTOMER);
        clock.advance(Duration.ofMinutes(3));

        tenantOs.reset();

        assertThat(tenantOs.traffic(105).counterSince()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(tenantOs.traffic(105).counterBytesIn()).isZero();
        assertThat(tenantOs.traffic(105).flowing()).isFalse();
    }

    @Test
    void theControlApiResetsTheCounterAndSaysWhatWasDropped() {
        tenantOs.reassign(106, CUSTOMER);
        clock.advance(Duration.ofSeconds(10));

        Http.Response reset = control.post("/_simulator/servers/106/traffic/reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("serverId").asLong()).isEqualTo(106);
        assertThat(reset.json().path("at").asText()).isEqualTo(T0.plusSeconds(10).toString());
        assertThat(reset.json().path("droppedBytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(106) * 10);
        assertThat(reset.json().path("droppedBytesOut").asLong())
                .isEqualTo(NetworkTraffic.bytesOutPerSecond(106) * 10);
        assertThat(control.get("/_simulator/servers/106/traffic").json().path("counterBytesIn").asLong()).isZero();
        assertRefused(control.post("/_simulator/servers/999/traffic/reset", null), 404, "No server 999");
        assertRefused(control.post("/_simulator/servers/abc/traffic/reset", null), 404, "Server not found");
    }
}
