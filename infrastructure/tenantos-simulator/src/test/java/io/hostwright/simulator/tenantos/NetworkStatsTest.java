package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Traffic flows at the server's fixed rate while a customer owns it; a test clock makes the sums exact. */
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

    private JsonNode stats(long serverId, String mode, Instant from, Instant to) {
        Http.Response response = http.post("/api/servers/" + serverId + "/stats/network/" + mode,
                Map.of("from", from.getEpochSecond(), "to", to.getEpochSecond()));
        assertThat(response.status()).isEqualTo(200);
        return response.result();
    }
}
