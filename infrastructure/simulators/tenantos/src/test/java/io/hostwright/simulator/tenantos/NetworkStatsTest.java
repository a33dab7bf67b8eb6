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

/**
 * Traffic flows at the server's fixed rate while a customer owns it, it is on and a port is up; a test clock makes the
 * sums exact.
 */
class NetworkStatsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private TenantOsSimulator tenantOs;
    private Http http;
    private long customer;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock));
        http = new Http(tenantOs);
        customer = http.post("/api/users", Map.of("name", "Traffic Customer", "username", "tc", "password", "pw",
                "email", "tc@example.com", "role_id", 3)).result().path("id").asLong();
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void stockServerMovesNoBytes() {
        clock.advance(Duration.ofHours(3));

        JsonNode samples = stats(101, "hourly", T0, T0.plus(Duration.ofHours(3)));

        assertThat(samples).hasSize(3).allSatisfy(s -> assertThat(s.path("bytesIn").asLong()).isZero());
    }

    @Test
    void soldServerGrowsAtItsRateFromTheMomentOfAssignment() {
        clock.advance(Duration.ofMinutes(30));
        http.put("/api/servers/102", Map.of("user_id", customer));
        clock.advance(Duration.ofMinutes(90));

        JsonNode samples = stats(102, "hourly", T0, T0.plus(Duration.ofHours(2)));

        long rate = NetworkTraffic.bytesInPerSecond(102);
        assertThat(rate).isEqualTo(3_000);
        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).path("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
        assertThat(samples.get(0).path("bytesIn").asLong()).isEqualTo(rate * 30 * 60);
        assertThat(samples.get(1).path("bytesIn").asLong()).isEqualTo(rate * 60 * 60);
        assertThat(samples.get(1).path("bytesOut").asLong()).isEqualTo(4 * rate * 60 * 60);
        assertThat(samples.get(1).path("packetsIn").asLong()).isEqualTo(rate * 60 * 60 / 1_000);
    }

    @Test
    void trafficStopsWhenTheServerReturnsToStock() {
        http.put("/api/servers/103", Map.of("user_id", customer));
        clock.advance(Duration.ofHours(1));
        http.put("/api/servers/103", Map.of("user_id", 1));
        clock.advance(Duration.ofHours(5));

        JsonNode day = stats(103, "daily", T0, T0.plus(Duration.ofHours(6)));

        assertThat(day).hasSize(1);
        assertThat(day.get(0).path("bytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(103) * 3_600);
    }

    @Test
    void defaultWindowAndUnknownMode() {
        http.put("/api/servers/104", Map.of("user_id", customer));
        clock.advance(Duration.ofHours(2));

        JsonNode lastDay = http.post("/api/servers/104/stats/network/hourly", null).result();

        assertThat(lastDay).hasSize(24);
        assertThat(lastDay.get(23).path("timestamp").asLong()).isEqualTo(clock.instant().getEpochSecond() - 3_600);
        assertThat(lastDay.get(23).path("bytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(104) * 3_600);
        assertThat(lastDay.get(21).path("bytesIn").asLong()).isZero();
        assertThat(http.post("/api/servers/104/stats/network/fortnightly", null).status()).isEqualTo(422);
    }

    @Test
    void noTrafficWhilePoweredOff() {
        http.put("/api/servers/105", Map.of("user_id", customer));
        clock.advance(Duration.ofMinutes(10));
        http.get("/api/servers/105/power/setPowerOff");
        clock.advance(Duration.ofMinutes(30));
        http.get("/api/servers/105/power/setPowerOn");
        clock.advance(Duration.ofMinutes(20));

        JsonNode hour = stats(105, "hourly", T0, T0.plus(Duration.ofHours(1)));

        assertThat(hour.get(0).path("bytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(105) * 30 * 60);
    }

    @Test
    void noTrafficWhileEveryPortIsDown() {
        http.put("/api/servers/106", Map.of("user_id", customer));
        clock.advance(Duration.ofMinutes(15));
        http.post("/api/servers/106/network/ports/1061/disable", null);
        clock.advance(Duration.ofMinutes(30));
        http.post("/api/servers/106/network/ports/1061/enable", null);
        clock.advance(Duration.ofMinutes(15));

        JsonNode fiveMinutes = stats(106, "5min", T0, T0.plus(Duration.ofHours(1)));

        assertThat(fiveMinutes).hasSize(12);
        assertThat(fiveMinutes).extracting(n -> n.path("bytesIn").asLong() > 0)
                .containsExactly(true, true, true, false, false, false, false, false, false, true, true, true);
        long fiveMinuteBytes = NetworkTraffic.bytesInPerSecond(106) * 300;
        assertThat(fiveMinutes.get(0).path("bytesIn").asLong()).isEqualTo(fiveMinuteBytes);
    }

    @Test
    void powerAndPortsOfStockDoNotStartTraffic() {
        http.get("/api/servers/107/power/setPowerOff");
        http.get("/api/servers/107/power/setPowerOn");
        http.post("/api/servers/107/network/ports/1071/disable", null);
        http.post("/api/servers/107/network/ports/1071/enable", null);
        clock.advance(Duration.ofHours(1));

        assertThat(stats(107, "hourly", T0, T0.plus(Duration.ofHours(1))).get(0).path("bytesIn").asLong()).isZero();
    }

    @Test
    void aServerReassignedByHandMovesTrafficForItsNewOwner() {
        tenantOs.reassign(108, customer);
        clock.advance(Duration.ofMinutes(30));
        tenantOs.reassign(108, null);
        clock.advance(Duration.ofMinutes(30));

        JsonNode hour = stats(108, "hourly", T0, T0.plus(Duration.ofHours(1)));

        assertThat(hour.get(0).path("bytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(108) * 30 * 60);
        assertThat(tenantOs.calls()).extracting(Call::template).doesNotContain("/api/servers/{id}");
    }

    @Test
    void aSeededCustomerServerMovesTrafficFromTheStart() {
        Seed seed = Seed.demo().toBuilder()
                .user(2, "Seeded Customer", "seeded", "seeded@example.com", "pw", 3)
                .server(101, "sold", "R1-U12", java.util.List.of("e2388g"), "Intel Xeon E-2388G", 65536,
                        "203.0.113.11", 2L)
                .build();
        try (TenantOsSimulator sold = TenantOsSimulator.start(SimulatorConfig.forTests().withClock(clock).withSeed(seed))) {
            clock.advance(Duration.ofMinutes(5));
            JsonNode samples = new Http(sold).post("/api/servers/101/stats/network/5min",
                    Map.of("from", T0.getEpochSecond(), "to", T0.plusSeconds(300).getEpochSecond())).result();
            assertThat(samples.get(0).path("bytesIn").asLong()).isEqualTo(NetworkTraffic.bytesInPerSecond(101) * 300);
        }
    }

    private JsonNode stats(long serverId, String mode, Instant from, Instant to) {
        Http.Response response = http.post("/api/servers/" + serverId + "/stats/network/" + mode,
                Map.of("from", from.getEpochSecond(), "to", to.getEpochSecond()));
        assertThat(response.status()).isEqualTo(200);
        return response.result();
    }
}
