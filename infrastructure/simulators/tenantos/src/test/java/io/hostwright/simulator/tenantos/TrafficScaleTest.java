package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hostwright.simulators.http.Router;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A benchmark's installations: 1 000 sold servers each, traffic flowing from the start, and statistics whose work
 * does not grow with the installation (the figures themselves belong to the benchmark, not here).
 */
class TrafficScaleTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final long CUSTOMER = 2;
    private static final TrafficRate RATE = new TrafficRate(2_000_000_000L, 500_000_000L);

    private static Seed thousandSold() {
        return Seed.demo().toBuilder()
                .user(CUSTOMER, "Bench Customer", "bench", "bench@example.com", "pw", 3)
                .soldServers(1_000, 1_001, CUSTOMER, RATE)
                .build();
    }

    @Test
    void tenInstallationsOfAThousandSoldServersEachCountTrafficFromTheStart() {
        Seed seed = thousandSold();
        TestClock clock = new TestClock(T0);
        List<TenantOsSimulator> started = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                started.add(TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed).withClock(clock)));
            }
            clock.advance(Duration.ofMinutes(5));

            TenantOsSimulator last = started.getLast();
            assertThat(last.servers()).hasSize(1_008);
            SimulatedTraffic traffic = last.traffic(2_000);
            assertThat(traffic.flowing()).isTrue();
            assertThat(traffic.rate()).isEqualTo(RATE);
            assertThat(traffic.counterBytesIn()).isEqualTo(RATE.bytesInPerSecond() * 300);
            assertThat(last.server(1_001)).satisfies(s -> {
                assertThat(s.userId()).isEqualTo(CUSTOMER);
                assertThat(s.primaryIp()).isEqualTo("100.64.3.233");
                assertThat(s.powerStatus()).isEqualTo("on");
                assertThat(s.port(10_011).enabled()).isTrue();
                assertThat(s.hasTag("sold")).isTrue();
            });
            Http.Response samples = new Http(last).post("/api/servers/1500/stats/network/5min",
                    Map.of("from", T0.getEpochSecond(), "to", T0.plusSeconds(300).getEpochSecond()));
            assertThat(samples.result().get(0).path("bytesOut").asLong()).isEqualTo(RATE.bytesOutPerSecond() * 300);
        } finally {
            started.forEach(TenantOsSimulator::close);
        }
    }

    @Test
    void soldServersReplaceThoseWithTheirIdsAndStayWithinTheirSubnet() {
        Seed seed = Seed.demo().toBuilder().soldServers(3, 107, 1, null).soldServers(2, 200, 1, null).build();

        assertThat(seed.servers()).extracting(Seed.Server::id).containsExactly(101L, 102L, 103L, 104L, 105L, 106L,
                107L, 108L, 109L, 200L, 201L);
        assertThat(seed.subnets()).filteredOn(s -> s.id() == Seed.SOLD_SUBNET_ID).hasSize(1);
        assertThat(seed.servers().get(6).primaryIp()).isEqualTo("100.64.0.107");
        assertThatThrownBy(() -> Seed.builder().soldServers(2, 4_194_302, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Seed.builder().soldServers(0, 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A long history of rate changes still gives each window exactly what flowed in it. */
    @Test
    void aLongRateHistoryStillIntegratesExactly() {
        TestClock clock = new TestClock(T0);
        World world = new World(thousandSold(), clock);
        ServerState busy = world.servers.get(1_500L);
        long expectedOut = 0;
        clock.advance(Duration.ofSeconds(60));
        expectedOut += RATE.bytesOutPerSecond() * 60;
        for (int i = 0; i < 5_000; i++) {
            busy.traffic.rate(new TrafficRate(1_000_000L + i, 4_000_000L), clock.instant());
            clock.advance(Duration.ofSeconds(60));
            expectedOut += 4_000_000L * 60;
        }
        Router<Endpoint> router = new Router<>();
        new StatsEndpoints(world).register(router);
        Router.Found<Endpoint> route =
                (Router.Found<Endpoint>) router.match("POST", "/api/servers/1500/stats/network/5min");
        long to = clock.instant().getEpochSecond();
        long from = T0.getEpochSecond();
        ApiRequest request = new ApiRequest("POST", "/api/servers/1500/stats/network/5min", route.params(), Map.of(),
                JsonNodeFactory.instance.objectNode().put("from", from).put("to", to), null);

        List<?> samples = (List<?>) route.route().endpoint().handle(request);

        assertThat(samples).hasSize((int) ((to - from) / 300) + 1);
        long out = samples.stream().mapToLong(s -> ((Number) ((Map<?, ?>) s).get("bytesOut")).longValue()).sum();
        assertThat(out).isEqualTo(expectedOut);
    }
}
