package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /vm/v3/host}: a host at once in {@code creating}, IPs from the pool, a task that completes. */
class HostCreateTest extends SimulatorFixture {

    @Test
    void aCreateAnswersIdAndTaskAndTheHostShowsAtOnceInCreating() {
        Map<String, Object> body = hostBody("web-1");
        body.put("comment", "svc_123");
        body.put("domain", "web-1.example.com");
        body.put("ipv4_number", 2);
        body.put("ipv6_enabled", true);
        body.put("net_bandwidth_mbitps", 200);

        Http.Response created = api.post("/vm/v3/host", body);

        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        long consulId = created.json().path("task").asLong();
        JsonNode host = api.get("/vm/v3/host/" + id).json();
        assertThat(host.path("state").asText()).isEqualTo("creating");
        assertThat(host.path("power").asText()).isEqualTo("off");
        assertThat(host.path("ip4")).extracting(ip -> ip.path("ip").asText())
                .containsExactly("198.51.100.10", "198.51.100.11");
        assertThat(host.path("cluster").toString()).isEqualTo("{\"id\":1,\"name\":\"Frankfurt KVM\"}");
        assertThat(host.path("account").toString()).isEqualTo("{\"id\":1,\"email\":\"admin@vm6.local\"}");
        assertThat(host.path("os").toString()).isEqualTo("{\"id\":1,\"name\":\"Debian 12\"}");
        assertThat(host.path("node").path("name").asText()).isEqualTo("fra-node-1");
        assertThat(host.path("disks").get(0).path("size_mib").asLong()).isEqualTo(20480);
        assertThat(host.path("comment").asText()).isEqualTo("svc_123");
        assertThat(host.path("domain").asText()).isEqualTo("web-1.example.com");
        assertThat(host.path("ip6_enabled").asBoolean()).isTrue();
        assertThat(host.path("net_bandwidth_mbitps").asInt()).isEqualTo(200);
        assertThat(host.fieldNames()).toIterable().containsExactly("id", "name", "comment", "state", "cluster",
                "account", "os", "cpu_number", "ram_mib", "disks", "ip4", "ip6_enabled", "domain",
                "net_bandwidth_mbitps", "node", "power");

        JsonNode task = task(consulId, "host_create");
        assertThat(task.path("status").asText()).isEqualTo("running");
        assertThat(task.path("registration_date").asText()).isEqualTo(T0.toString());
        assertThat(task.path("finished_date").isNull()).isTrue();
        assertThat(api.get("/vm/v3/ippool?where=(id+EQ+1)").list().get(0).path("free").asInt()).isEqualTo(38);
    }

    @Test
    void theTaskCompletesWhenItsTimeIsUpAndTheHostIsActiveAndOn() {
        Http.Response created = api.post("/vm/v3/host", hostBody("web-1"));
        long id = created.json().path("id").asLong();
        long consulId = created.json().path("task").asLong();

        clock.advance(TASK.minusMillis(1));
        assertThat(task(consulId, "host_create").path("status").asText()).isEqualTo("running");
        assertThat(vm6.host(id).runningTask()).isEqualTo(consulId);

        clock.advance(Duration.ofMillis(1));
        JsonNode task = task(consulId, "host_create");
        assertThat(task.path("status").asText()).isEqualTo("complete");
        assertThat(task.path("finished_date").asText()).isEqualTo(T0.plus(TASK).toString());
        assertThat(task.path("output").isNull()).isTrue();
        JsonNode host = api.get("/vm/v3/host?where=(name+EQ+'web-1')").list().get(0);
        assertThat(host.path("state").asText()).isEqualTo("active");
        assertThat(host.path("power").asText()).isEqualTo("on");
        assertThat(vm6.host(id).runningTask()).isNull();
        assertThat(vm6.passwordOf(id)).hasValue("s3cret-pass");
    }

    @Test
    void createsAreNotIdempotentAndSpreadOverNodes() {
        long first = api.post("/vm/v3/host", hostBody("same")).json().path("id").asLong();
        long second = api.post("/vm/v3/host", hostBody("same")).json().path("id").asLong();

        assertThat(second).isNotEqualTo(first);
        assertThat(vm6.hosts()).extracting(SimulatedHost::name).containsExactly("same", "same");
        assertThat(vm6.hosts()).extracting(SimulatedHost::nodeId).containsExactly(1L, 2L);
        assertThat(vm6.hosts()).flatExtracting(SimulatedHost::ips).containsExactly("198.51.100.10", "198.51.100.11");
        assertThat(api.get("/vm/v3/host?where=(name+EQ+'same')").json().path("size").asInt()).isEqualTo(2);
    }

    @Test
    void aPresetGivesTheSizesExplicitFieldsWin() {
        Map<String, Object> body = hostBody("preset");
        body.remove("cpu_number");
        body.remove("hdd_mib");
        body.put("ram_mib", 2048);
        body.put("preset", 2);

        long id = api.post("/vm/v3/host", body).json().path("id").asLong();

        SimulatedHost host = vm6.host(id);
        assertThat(host.cpuNumber()).isEqualTo(2);
        assertThat(host.ramMib()).isEqualTo(2048);
        assertThat(host.disks()).extracting(SimulatedHost.Disk::sizeMib).containsExactly(51200L);
    }

    @Test
    void ipsComeFromTheFirstPoolAskedForThenSpillToTheNext() {
        Map<String, Object> body = hostBody("spill");
        body.put("ipv4_pool", List.of(2, 1));
        body.put("ipv4_number", 12);

        long id = api.post("/vm/v3/host", body).json().path("id").asLong();

        assertThat(vm6.host(id).ipv4()).extracting(SimulatedHost.Ip::poolId)
                .containsExactly(2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 1L, 1L);
        assertThat(vm6.host(id).ips().getFirst()).isEqualTo("198.51.100.200");
        assertThat(vm6.pool(2).free()).isZero();
        assertThat(vm6.pool(1).free()).isEqualTo(38);
    }

    @Test
    void anExhaustedPoolAnswers409Code1010AndNothingIsCreated() {
        vm6.exhaustPool(1);
        Map<String, Object> body = hostBody("no-ip");
        body.put("ipv4_pool", List.of(1));

        Http.Response refused = api.post("/vm/v3/host", body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo(1010);
        assertThat(refused.error().path("msg").asText()).isEqualTo("No free IPv4 addresses");
        assertThat(vm6.hosts()).isEmpty();
        assertThat(vm6.tasks()).isEmpty();
        assertThat(api.get("/vm/v3/ippool?where=(id+EQ+1)").list().get(0).path("free").asInt()).isZero();

        body.put("ipv4_pool", List.of(2));
        body.put("ipv4_number", 11);
        assertThat(api.post("/vm/v3/host", body).code()).as("10 free, 11 asked: none taken").isEqualTo(1010);
        assertThat(vm6.pool(2).free()).isEqualTo(10);

        vm6.releasePool(1);
        body.remove("ipv4_pool");
        body.put("ipv4_number", 1);
        assertThat(api.post("/vm/v3/host", body).status()).isEqualTo(200);
    }

    @Test
    void aFullClusterAnswers409Code1011() {
        vm6.setClusterCapacity(1, 1);
        assertThat(api.post("/vm/v3/host", hostBody("one")).status()).isEqualTo(200);

        Http.Response refused = api.post("/vm/v3/host", hostBody("two"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo(1011);
        assertThat(vm6.hosts()).hasSize(1);
        assertThat(vm6.pool(1).free()).isEqualTo(39);
    }

    @Test
    void badBodiesAnswer400Code1002NamingTheField() {
        Map<String, String> cases = Map.of(
                "name", "name", "cluster", "cluster", "cpu_number", "cpu_number", "account", "account",
                "ipv4_number", "ipv4_number", "os", "os", "password", "password");
        cases.forEach((remove, field) -> {
            Map<String, Object> body = hostBody("bad");
            body.remove(remove);
            Http.Response refused = api.post("/vm/v3/host", body);
            assertThat(refused.status()).as(remove).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(1002);
            assertThat(refused.error().path("value").asText()).isEqualTo(field);
        });
        for (Object[] bad : new Object[][] {{"os", 99}, {"cluster", 99}, {"account", 99}, {"preset", 99},
                {"ipv4_pool", List.of(3)}, {"cpu_number", 0}, {"ram_mib", "lots"}, {"domain", "not a domain"},
                {"ipv6_enabled", "yes"}}) {
            Map<String, Object> body = hostBody("bad");
            body.put((String) bad[0], bad[1]);
            Http.Response refused = api.post("/vm/v3/host", body);
            assertThat(refused.status()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(refused.error().path("value").asText()).isEqualTo(bad[0]);
        }
        assertThat(vm6.hosts()).isEmpty();
    }
}
