package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each test: a fresh simulator at test pace (200 ms tasks) on a test clock at {@link #T0} (a whole hour), an API
 * client logged in as the admin and a control client without a token.
 */
abstract class SimulatorFixture {

    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    static final Duration TASK = Duration.ofMillis(200);

    protected final TestClock clock = new TestClock(T0);
    protected VmManager6Simulator vm6;
    protected Http api;
    protected Http control;

    @BeforeEach
    void startSimulator() {
        vm6 = VmManager6Simulator.start(SimulatorConfig.forTests().withClock(clock));
        control = Http.anonymous(vm6);
        api = Http.admin(vm6);
    }

    @AfterEach
    void stopSimulator() {
        vm6.close();
    }

    /** A create body for cluster 1 with Debian 12, 1 CPU, 1 GiB, 20 GiB, one IPv4, owned by the admin. */
    static Map<String, Object> hostBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("password", "s3cret-pass");
        body.put("cluster", 1);
        body.put("os", 1);
        body.put("cpu_number", 1);
        body.put("ram_mib", 1024);
        body.put("hdd_mib", 20480);
        body.put("account", 1);
        body.put("ipv4_number", 1);
        return body;
    }

    /** Creates a host and moves the clock past its create task: it is active and on. Answers its id. */
    long activeHost(String name) {
        Http.Response created = api.post("/vm/v3/host", hostBody(name));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        clock.advance(TASK);
        long id = created.json().path("id").asLong();
        assertThat(vm6.host(id).state()).isEqualTo("active");
        return id;
    }

    /** The task with this consul id, as {@code GET /vm/v3/task} filtered the way the official module does. */
    JsonNode task(long consulId, String name) {
        Http.Response tasks = api.get("/vm/v3/task?where=" + Http.encode(
                "((consul_id EQ '" + consulId + "') AND (name EQ '" + name + "'))"));
        assertThat(tasks.status()).as(tasks.raw()).isEqualTo(200);
        assertThat(tasks.json().path("size").asInt()).isEqualTo(1);
        return tasks.list().get(0);
    }
}
