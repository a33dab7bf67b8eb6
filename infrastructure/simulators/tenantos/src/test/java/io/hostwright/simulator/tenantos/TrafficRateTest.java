package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server's rate changes at the clock's now; earlier intervals keep what the earlier rate made. */
class TrafficRateTest extends TrafficFixture {

    private static final long GB = 1_000_000_000L;

    @Test
    void aNewRateAppliesFromNowOnAndEarlierIntervalsKeepTheirBytes() {
        tenantOs.reassign(102, CUSTOMER);
        long oldIn = NetworkTraffic.bytesInPerSecond(102);
        clock.advance(Duration.ofMinutes(12).plusSeconds(30));

        tenantOs.setTrafficRate(102, 5 * GB, GB);
        clock.advance(Duration.ofMinutes(7).plusSeconds(30));
        JsonNode samples = stats(102, "5min", T0, T0.plus(Duration.ofMinutes(20)));

        assertThat(bytesIn(samples)).containsExactly(oldIn * 300, oldIn * 300, oldIn * 150 + 5 * GB * 150,
                5 * GB * 300);
        assertThat(bytesOut(samples)).containsExactly(4 * oldIn * 300, 4 * oldIn * 300,
                4 * oldIn * 150 + GB * 150, GB * 300);
        assertThat(samples.get(3).path("packetsIn").asLong()).isEqualTo(5 * GB * 300 / 1_000);
        assertThat(tenantOs.traffic(102).rate()).isEqualTo(new TrafficRate(5 * GB, GB));
    }

    @Test
    void rateSegmentsIntegrateToTheMillisecondAndRoundOncePerSample() {
        tenantOs.reassign(103, CUSTOMER);
        tenantOs.setTrafficRate(103, 1_001, 3);
        clock.advance(Duration.ofMillis(500));
        tenantOs.setTrafficRate(103, 1_003, 1);
        clock.advance(Duration.ofMillis(500));
        tenantOs.setTrafficRate(103, 0, 0);
        clock.advance(Duration.ofMinutes(5));

        JsonNode sample = stats(103, "5min", T0, T0.plus(Duration.ofMinutes(5))).get(0);

        // 500.5 + 501.5 bytes in; 1.5 + 0.5 bytes out: whole once summed
        assertThat(sample.path("bytesIn").asLong()).isEqualTo(1_002);
        assertThat(sample.path("bytesOut").asLong()).isEqualTo(2);
    }

    @Test
    void aTerabyteWithinMinutesAndAMonthAtTheTopRateDoNotOverflow() {
        tenantOs.reassign(104, CUSTOMER);
        tenantOs.setTrafficRate(104, 5 * GB, 5 * GB);
        clock.advance(Duration.ofMinutes(4));
        long fourMinutes = 5 * GB * 240;
        assertThat(stats(104, "hourly", T0, T0.plus(Duration.ofHours(1))).get(0).path("bytesIn").asLong())
                .isEqualTo(fourMinutes).isGreaterThan(1_000 * GB);

        tenantOs.setTrafficRate(104, TrafficRate.MAX, TrafficRate.MAX);
        clock.advance(Duration.ofDays(90));
        JsonNode months = stats(104, "monthly", T0, T0.plus(Duration.ofDays(60)));

        long month = TrafficRate.MAX * 30 * 86_400;
        assertThat(month).isEqualTo(259_200_000_000_000_000L);
        assertThat(bytesIn(months)).hasSize(3);
        long firstMonthStart = Math.floorDiv(T0.getEpochSecond(), 2_592_000L) * 2_592_000L;
        long beforeT0 = T0.getEpochSecond() - firstMonthStart;
        assertThat(bytesIn(months)).containsExactly(fourMinutes + TrafficRate.MAX * (30 * 86_400 - beforeT0 - 240),
                month, TrafficRate.MAX * beforeT0);
        assertThat(tenantOs.traffic(104).counterBytesIn()).isEqualTo(fourMinutes + TrafficRate.MAX * 90 * 86_400);
    }

    @Test
    void theRateOfAServerWhoseTrafficDoesNotFlowWaitsForItToFlow() {
        tenantOs.setTrafficRate(105, 2_000_000, 0);
        clock.advance(Duration.ofMinutes(5));
        tenantOs.reassign(105, CUSTOMER);
        clock.advance(Duration.ofMinutes(5));
        http.get("/api/servers/105/power/setPowerOff");
        clock.advance(Duration.ofMinutes(5));

        assertThat(bytesIn(stats(105, "5min", T0, T0.plus(Duration.ofMinutes(15)))))
                .containsExactly(0, 2_000_000L * 300, 0);
        assertThat(tenantOs.traffic(105).flowing()).isFalse();
    }

    @Test
    void aSeededRateIsTheServersOwnAndComesBackWithReset() throws IOException {
        Seed seed = Seed.demo().toBuilder()
                .user(CUSTOMER, "Traffic Customer", "tc", "tc@example.com", "pw", 3)
                .server(Seed.demo().servers().getFirst().withTraffic(new TrafficRate(GB, 2 * GB)))
                .build();
        try (TenantOsSimulator seeded = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock)
                .withSeed(seed))) {
            assertThat(seeded.traffic(101).rate()).isEqualTo(new TrafficRate(GB, 2 * GB));
            seeded.setTrafficRate(101, 7, 7);
            seeded.reset();
            assertThat(seeded.traffic(101).rate()).isEqualTo(new TrafficRate(GB, 2 * GB));
            assertThat(seeded.traffic(102).rate()).isEqualTo(NetworkTraffic.defaultRate(102));
        }
        String json = """
                {"roles":[{"id":3,"name":"Customer"}],"users":[{"id":2,"name":"C","username":"c","email":"c@x",
                 "password":"pw","roleId":3}],"subnets":[{"id":1,"cidr":"192.0.2.0/24","gateway":"192.0.2.1"}],
                 "servers":[{"id":9,"servername":"R1-U1","primaryIp":"192.0.2.9","userId":2,
                 "traffic":{"bytesInPerSecond":5000000000,"bytesOutPerSecond":0}}]}""";
        Seed fromJson = Seed.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromJson.servers().getFirst().traffic()).isEqualTo(new TrafficRate(5 * GB, 0));
    }

    @Test
    void ratesOutsideZeroToTheTopAreRefused() {
        assertThatThrownBy(() -> tenantOs.setTrafficRate(101, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytesInPerSecond");
        assertThatThrownBy(() -> tenantOs.setTrafficRate(101, 0, TrafficRate.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytesOutPerSecond");
        assertThatThrownBy(() -> tenantOs.setTrafficRate(999, 0, 0))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void theControlApiSetsAndShowsTheRate() {
        tenantOs.reassign(106, CUSTOMER);
        clock.advance(Duration.ofMinutes(1));

        Http.Response set = control.put("/_simulator/servers/106/traffic",
                "{\"bytesInPerSecond\": 5e9, \"bytesOutPerSecond\": \"1000000000\"}");
        clock.advance(Duration.ofMinutes(1));
        JsonNode shown = control.get("/_simulator/servers/106/traffic").json();

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("bytesInPerSecond").asLong()).isEqualTo(5 * GB);
        assertThat(shown.path("serverId").asLong()).isEqualTo(106);
        assertThat(shown.path("bytesOutPerSecond").asLong()).isEqualTo(GB);
        assertThat(shown.path("flowing").asBoolean()).isTrue();
        assertThat(shown.path("counterBytesIn").asLong())
                .isEqualTo(NetworkTraffic.bytesInPerSecond(106) * 60 + 5 * GB * 60);
        assertThat(shown.path("counterSince").asText()).isEqualTo(T0.toString());
    }

    @Test
    void badRatesOverTheControlApiAre422NamingTheField() {
        String path = "/_simulator/servers/101/traffic";
        assertRefused(control.put(path, Map.of("bytesOutPerSecond", 1)), 422, "bytesInPerSecond field is required");
        assertRefused(control.put(path, Map.of("bytesInPerSecond", 1)), 422, "bytesOutPerSecond field is required");
        assertRefused(control.put(path, Map.of("bytesInPerSecond", -1, "bytesOutPerSecond", 1)), 422,
                "bytesInPerSecond must be between 0 and 100000000000");
        assertRefused(control.put(path, Map.of("bytesInPerSecond", 1, "bytesOutPerSecond", TrafficRate.MAX + 1)),
                422, "bytesOutPerSecond must be between 0 and 100000000000");
        assertRefused(control.put(path, Map.of("bytesInPerSecond", 1.5, "bytesOutPerSecond", 1)), 422,
                "bytesInPerSecond must be a whole number");
        assertRefused(control.put(path, Map.of("bytesInPerSecond", "fast", "bytesOutPerSecond", 1)), 422,
                "bytesInPerSecond must be a whole number");
        assertRefused(control.put(path, "[1, 2]"), 422, "must be a JSON object");
        assertRefused(control.put(path, "{"), 400, "not valid JSON");
        assertRefused(control.put("/_simulator/servers/999/traffic",
                Map.of("bytesInPerSecond", 1, "bytesOutPerSecond", 1)), 404, "No server 999");
        assertThat(tenantOs.traffic(101).rate()).isEqualTo(NetworkTraffic.defaultRate(101));
    }

    static void assertRefused(Http.Response response, int status, String message) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().path("message").asText()).contains(message);
    }
}
