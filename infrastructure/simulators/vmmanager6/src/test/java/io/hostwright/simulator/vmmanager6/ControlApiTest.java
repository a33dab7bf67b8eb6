package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What another process sees and scripts through {@code /_simulator} (no token, never asleep, not logged). */
class ControlApiTest extends SimulatorFixture {

    @Test
    void stateShowsAccountsHostsTasksPoolsOsSettingsAndCounts() {
        long id = activeHost("seen");

        JsonNode state = control.get("/_simulator/state").json();

        assertThat(state.path("accounts").get(0).path("email").asText()).isEqualTo("admin@vm6.local");
        assertThat(state.path("hosts").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(state.path("hosts").get(0).path("state").asText()).isEqualTo("active");
        assertThat(state.path("tasks").get(0).path("status").asText()).isEqualTo("complete");
        assertThat(state.path("pools").get(0).path("free").asInt()).isEqualTo(39);
        assertThat(state.path("os")).hasSize(4);
        assertThat(state.path("settings").path("taskDurationMs").asLong()).isEqualTo(200);
        assertThat(state.path("tokenIssues").asInt()).isEqualTo(1);
        assertThat(state.path("callCount").asInt()).as("the fixture's login and the create").isEqualTo(2);
        assertThat(control.get("/_simulator/hosts/" + id).json().path("name").asText()).isEqualTo("seen");
        assertThat(control.get("/_simulator/hosts/" + id + "/password").json().path("password").asText())
                .isEqualTo("s3cret-pass");
        assertThat(control.get("/_simulator/hosts/999").status()).isEqualTo(404);
    }

    @Test
    void configChangesDurationsTokenLifetimeLatencyAndErrorRate() {
        JsonNode config = control.put("/_simulator/config", Map.of("taskDurationMs", 1000,
                "taskDurationsMs", Map.of("host_create", 3000), "tokenTtlMs", 60000, "latencyMs", 0,
                "errorRate", 0)).json();

        assertThat(config.path("taskDurationMs").asLong()).isEqualTo(1000);
        assertThat(config.path("taskDurationsMs").path("host_create").asLong()).isEqualTo(3000);
        assertThat(vm6.settings().durationOf("host_create")).isEqualTo(Duration.ofSeconds(3));
        assertThat(vm6.settings().durationOf("host_stop")).isEqualTo(Duration.ofSeconds(1));
        assertThat(vm6.settings().tokenTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(control.get("/_simulator/config").json()).isEqualTo(config);
    }

    @Test
    void badControlBodiesAnswer422AndChangeNothing() {
        for (Object[] bad : new Object[][] {
                {"PUT", "/_simulator/config", Map.of("taskDurationsMs", Map.of("host_explode", 1))},
                {"PUT", "/_simulator/config", Map.of("errorRate", 2)},
                {"PUT", "/_simulator/config", Map.of("tokenTtlMs", 0)},
                {"PUT", "/_simulator/config", Map.of("latencyMs", -1)},
                {"POST", "/_simulator/tasks/fail", Map.of("name", "host_explode")},
                {"POST", "/_simulator/tasks/fail", Map.of("name", "host_create", "times", 0)},
                {"POST", "/_simulator/sleep", Map.of("seconds", "long")},
                {"POST", "/_simulator/faults", Map.of("match", "nowhere", "status", 500)},
                {"POST", "/_simulator/faults", Map.of("match", "/vm/v3/host", "status", 200)},
                {"POST", "/_simulator/faults", Map.of("match", "/vm/v3/host", "status", 500, "times", 2,
                        "untilCleared", true)},
                {"PUT", "/_simulator/ippools/1/size", Map.of("size", -1)},
                {"PUT", "/_simulator/clusters/1/capacity", Map.of()},
                {"PUT", "/_simulator/hosts/1/traffic", Map.of("bytesInPerSecond", 1)}}) {
            Http.Response response = control.send((String) bad[0], (String) bad[1], bad[2]);
            assertThat(response.status()).as(bad[1] + " " + bad[2]).isEqualTo(422);
            assertThat(response.json().path("message").asText()).isNotBlank();
        }
        assertThat(vm6.settings()).isEqualTo(Settings.tests());
        assertThat(vm6.faults().pending()).isEmpty();
        assertThat(vm6.pendingTaskFailures()).isEmpty();
        assertThat(control.put("/_simulator/ippools/9/size", Map.of("size", 3)).status()).isEqualTo(404);
        assertThat(control.put("/_simulator/clusters/9/capacity", Map.of("hosts", 3)).status()).isEqualTo(404);
        assertThat(control.get("/_simulator/nothing").status()).isEqualTo(404);
    }

    @Test
    void taskFailuresSleepTrafficPoolsAndCapacityOverHttp() {
        assertThat(control.post("/_simulator/tasks/fail", Map.of("name", "host_create", "times", 2,
                "message", "Node down")).json().path("host_create").asInt()).isEqualTo(2);
        long id = api.post("/vm/v3/host", hostBody("x")).json().path("id").asLong();
        clock.advance(TASK);
        assertThat(vm6.host(id).state()).isEqualTo("failed");
        assertThat(vm6.tasks().getFirst().output()).isEqualTo("Node down");

        JsonNode traffic = control.put("/_simulator/hosts/" + id + "/traffic",
                Map.of("bytesInPerSecond", 5_000_000_000L, "bytesOutPerSecond", "1000")).json();
        assertThat(traffic.path("bytesInPerSecond").asLong()).isEqualTo(5_000_000_000L);
        assertThat(vm6.trafficRate(id)).isEqualTo(new TrafficRate(5_000_000_000L, 1000));
        assertThat(control.post("/_simulator/hosts/" + id + "/traffic/burst", Map.of("bytesIn", 10)).status())
                .isEqualTo(200);

        assertThat(control.post("/_simulator/ippools/2/exhaust", null).json().path("free").asInt()).isZero();
        assertThat(control.post("/_simulator/ippools/2/release", null).json().path("free").asInt()).isEqualTo(10);
        assertThat(control.put("/_simulator/ippools/2/size", Map.of("size", 3)).json().path("total").asInt())
                .isEqualTo(3);
        assertThat(api.get("/vm/v3/ippool?where=(id+EQ+2)").list().get(0).path("total").asInt()).isEqualTo(3);

        control.put("/_simulator/clusters/1/capacity", Map.of("hosts", 1));
        assertThat(api.post("/vm/v3/host", hostBody("y")).code()).isEqualTo(1011);
        control.put("/_simulator/clusters/1/capacity", Map.of());
        assertThat(control.put("/_simulator/clusters/1/capacity", java.util.Collections.singletonMap("hosts", null))
                .status()).isEqualTo(200);
        assertThat(api.post("/vm/v3/host", hostBody("y")).status()).isEqualTo(200);

        JsonNode asleep = control.post("/_simulator/sleep", Map.of("seconds", 1.5)).json();
        assertThat(asleep.path("asleepUntil").asText()).isEqualTo(T0.plus(TASK).plusMillis(1500).toString());
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(503);
        control.delete("/_simulator/sleep");
        assertThat(api.get("/vm/v3/host").status()).isEqualTo(200);
    }

    @Test
    void expiringTokensOverHttp() {
        control.post("/_simulator/tokens/expire", null);

        assertThat(api.get("/vm/v3/host").code()).isEqualTo(1000);
    }

    @Test
    void resetReturnsToTheSeed() {
        activeHost("gone");
        api.post("/vm/v3/account", Map.of("email", "x@example.com", "password", "pw"));
        vm6.faults().next(5, "/vm/v3/host", 500);
        vm6.failNextTasks("host_stop", 1, "x");
        vm6.exhaustPool(1);
        vm6.sleepFor(Duration.ofHours(1));

        assertThat(control.post("/_simulator/reset", null).status()).isEqualTo(200);

        assertThat(vm6.hosts()).isEmpty();
        assertThat(vm6.tasks()).isEmpty();
        assertThat(vm6.accounts()).hasSize(1);
        assertThat(vm6.pool(1).free()).isEqualTo(40);
        assertThat(vm6.faults().pending()).isEmpty();
        assertThat(vm6.pendingTaskFailures()).isEmpty();
        assertThat(vm6.asleepUntil()).isEmpty();
        assertThat(vm6.tokenIssues()).isZero();
        assertThat(vm6.calls()).isEmpty();
        assertThat(api.get("/vm/v3/host").code()).as("tokens are forgotten").isEqualTo(1000);
        assertThat(Http.admin(vm6).post("/vm/v3/host", hostBody("again")).json().path("id").asLong())
                .as("ids start over").isEqualTo(101);
    }

    @Test
    void controlCallsAreNotLogged() {
        control.get("/_simulator/state");
        control.get("/_simulator/nothing");

        assertThat(vm6.callCount("/_simulator/state")).isZero();
        assertThat(vm6.calls()).hasSize(1);
        assertThat(control.get("/_simulator/calls").json().get(0).path("template").asText())
                .isEqualTo("/auth/v4/public/token");
    }
}
