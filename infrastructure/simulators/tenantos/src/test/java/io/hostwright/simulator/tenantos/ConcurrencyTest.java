package io.hostwright.simulator.tenantos;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls arrive at once (a small latency makes them overlap); the single lock keeps every answer whole. */
class ConcurrencyTest {

    private static final int CALLERS = 24;
    private static final int ROUNDS = 10;

    private TenantOsSimulator tenantOs;
    private Http http;

    @BeforeEach
    void start() {
        tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
        tenantOs.setLatency(Duration.ofMillis(20));
        http = new Http(tenantOs);
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    @Test
    void parallelPutsAreSerializedAndNeverMixed() throws Exception {
        List<Long> customers = new ArrayList<>();
        tenantOs.setLatency(Duration.ZERO);
        for (int i = 0; i < CALLERS; i++) {
            customers.add(http.post("/api/users", Map.of("name", "Customer " + i, "username", "c" + i,
                    "password", "pw-" + i, "email", "c" + i + "@example.com", "role_id", 3))
                    .result().path("id").asLong());
        }
        tenantOs.setLatency(Duration.ofMillis(20));

        List<Integer> statuses = all(customers.stream().<Callable<Integer>>map(id -> () -> http.put("/api/servers/101",
                Map.of("user_id", id, "hostname", "host-of-" + id, "tags", List.of("owner-" + id))).status()).toList());

        assertThat(statuses).containsOnly(200);
        SimulatedServer server = tenantOs.server(101);
        assertThat(customers).contains(server.userId());
        assertThat(server.hostname()).isEqualTo("host-of-" + server.userId());
        assertThat(server.tags()).containsExactly("owner-" + server.userId());
        assertThat(tenantOs.callCount("PUT /api/servers/{id}")).isEqualTo(CALLERS);
    }

    @Test
    void eachContestedIpGoesToExactlyOneCaller() throws Exception {
        tenantOs.setLatency(Duration.ZERO);
        List<String> contested = tenantOs.freeIps(10).subList(0, ROUNDS);
        for (String ip : contested) {
            List<Callable<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                long serverId = 101 + i % 8;
                claims.add(() -> http.post("/api/servers/" + serverId + "/ipassignments",
                        Map.of("subnetId", 10, "ip", ip)).status());
            }

            List<Integer> statuses = all(claims);

            assertThat(statuses).as(ip).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).as(ip).filteredOn(s -> s == 409).hasSize(CALLERS - 1);
        }
        for (String ip : contested) {
            assertThat(tenantOs.servers().stream().flatMap(s -> s.ipAssignments().stream())
                    .filter(a -> a.ip().equals(ip))).hasSize(1);
        }
    }

    @Test
    void parallelSignUpsGetDistinctIds() throws Exception {
        tenantOs.setLatency(Duration.ZERO);
        List<Callable<Long>> signUps = new ArrayList<>();
        for (int i = 0; i < CALLERS * ROUNDS / 2; i++) {
            int n = i;
            signUps.add(() -> http.post("/api/users", Map.of("name", "P " + n, "username", "p" + n, "password", "pw",
                    "email", "p" + n + "@example.com", "role_id", 3)).result().path("id").asLong());
        }

        List<Long> ids = all(signUps);

        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0L);
        assertThat(tenantOs.users()).hasSize(1 + signUps.size());
    }

    @Test
    void parallelAddsOfFreeIpsNeverHandOutAnAddressTwice() throws Exception {
        List<String> free = tenantOs.freeIps(10);
        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String ip = free.get(i);
            long serverId = 101 + i % 8;
            adds.add(() -> http.post("/api/servers/" + serverId + "/ipassignments",
                    Map.of("subnetId", 10, "ip", ip)).status());
        }

        assertThat(all(adds)).containsOnly(200);

        List<Long> ids = tenantOs.servers().stream().flatMap(s -> s.ipAssignments().stream())
                .map(SimulatedServer.IpAssignment::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(8 + CALLERS);
        assertThat(tenantOs.freeIps(10)).hasSize(40 - CALLERS);
    }

    /** Starts every call together and waits for all answers. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
