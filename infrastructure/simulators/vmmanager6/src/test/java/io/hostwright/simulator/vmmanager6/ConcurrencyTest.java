package io.hostwright.simulator.vmmanager6;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates racing for the last addresses of a pool: each address goes to one host, the rest are refused whole. */
class ConcurrencyTest extends SimulatorFixture {

    @Test
    void racingCreatesNeverShareAnAddress() throws Exception {
        Map<String, Object> body = hostBody("racer");
        body.put("ipv4_pool", List.of(2));
        List<Future<Http.Response>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                calls.add(pool.submit(() -> api.post("/vm/v3/host", body)));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> call : calls) {
            statuses.add(call.get().status());
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(20);
        assertThat(vm6.hosts()).flatExtracting(SimulatedHost::ips).hasSize(10).doesNotHaveDuplicates();
        assertThat(vm6.hosts()).extracting(SimulatedHost::id).doesNotHaveDuplicates();
        assertThat(vm6.tasks()).extracting(SimulatedTask::consulId).hasSize(10).doesNotHaveDuplicates();
        assertThat(vm6.pool(2).free()).isZero();
    }
}
