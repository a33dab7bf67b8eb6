package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo seed plus customer 2 ({@value #CUSTOMER}) on a test clock at {@link #T0} (a whole hour), an API client
 * and a control client, for each test.
 */
abstract class TrafficFixture {

    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    static final long CUSTOMER = 2;

    protected final TestClock clock = new TestClock(T0);
    protected TenantOsSimulator tenantOs;
    protected Http http;
    protected Http control;

    @BeforeEach
    void startSimulator() {
        Seed seed = Seed.demo().toBuilder()
                .user(CUSTOMER, "Traffic Customer", "tc", "tc@example.com", "pw", 3)
                .build();
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests().withSeed(seed).withClock(clock));
        http = new Http(tenantOs);
        control = http.withAuthorization(null);
    }

    @AfterEach
    void stopSimulator() {
        tenantOs.close();
    }

    /** The samples of {@code from..to}, answered 200. */
    JsonNode stats(long serverId, String mode, Instant from, Instant to) {
        Http.Response response = http.post("/api/servers/" + serverId + "/stats/network/" + mode,
                Map.of("from", from.getEpochSecond(), "to", to.getEpochSecond()));
        assertThat(response.status()).isEqualTo(200);
        return response.result();
    }

    static long[] bytesIn(JsonNode samples) {
        long[] in = new long[samples.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = samples.get(i).path("bytesIn").asLong();
        }
        return in;
    }

    static long[] bytesOut(JsonNode samples) {
        long[] out = new long[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.get(i).path("bytesOut").asLong();
        }
        return out;
    }
}
