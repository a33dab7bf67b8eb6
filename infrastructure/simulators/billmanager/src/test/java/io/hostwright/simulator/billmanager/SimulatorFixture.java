package io.hostwright.simulator.billmanager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each test: a fresh simulator with the demo seed on a test clock at {@link #T0}, and a client. {@link #call}
 * adds {@code out=json} and {@code authinfo}.
 */
abstract class SimulatorFixture {

    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    static final String AUTHINFO = Seed.DEMO_USER + ":" + Seed.DEMO_PASSWORD;

    protected final TestClock clock = new TestClock(T0);
    protected BillManagerSimulator bm;
    protected Http http;

    @BeforeEach
    void startSimulator() {
        bm = BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock));
        http = Http.of(bm);
    }

    @AfterEach
    void stopSimulator() {
        bm.close();
    }

    /** POSTs {@code func} with {@code out=json}, {@code authinfo} and the given parameters. */
    Http.Response call(String func, String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>(Http.params("func", func, "out", "json",
                "authinfo", AUTHINFO));
        params.putAll(Http.params(keysAndValues));
        return http.post(params);
    }

    /** Orders an ispmanager 6 Lite licence for {@code period} months; answers its id. */
    long order(String name, String ip, int period) {
        Http.Response ordered = call("soft.order.param", "ip", ip, "licname", name,
                "period", String.valueOf(period), "pricelist", String.valueOf(Seed.ISPMANAGER6_LITE),
                "skipbasket", "on", "sok", "ok", "clicked_button", "finish");
        assertThat(ordered.ok()).as(ordered.raw()).isTrue();
        return ordered.doc().path("id").path("$").asLong();
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
