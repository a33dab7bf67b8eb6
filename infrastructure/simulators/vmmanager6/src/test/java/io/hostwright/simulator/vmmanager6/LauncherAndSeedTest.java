package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.BackendSimulator;
import io.hostwright.simulators.SimulatorLauncher;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the laptop runtime starts it, and what the seeds hold. */
class LauncherAndSeedTest {

    @Test
    void theLauncherStartsTheDemoSeedOnAFreeLoopbackPort() {
        assertThat(VmManager6Simulator.LAUNCHER.backend()).isEqualTo("vmmanager6");
        try (BackendSimulator simulator = VmManager6Simulator.LAUNCHER.start(SimulatorLauncher.Pace.TESTS)) {
            assertThat(simulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(simulator.credential()).isEqualTo("admin@vm6.local:vm6-admin-password");
            assertThat(simulator.backend()).isEqualTo("vmmanager6");
            assertThat(((VmManager6Simulator) simulator).settings().taskDuration()).isEqualTo(Duration.ofMillis(200));
            assertThat(Http.admin((VmManager6Simulator) simulator).get("/vm/v3/cluster").json().path("size").asInt())
                    .isEqualTo(2);
        }
        assertThat(SimulatorConfig.laptop().settings().taskDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SimulatorConfig.laptop().settings().tokenTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDemoSeedHoldsTheCatalogue() {
        Seed demo = Seed.demo();

        assertThat(demo.accounts()).extracting(Seed.Account::email).containsExactly("admin@vm6.local");
        assertThat(demo.os()).extracting(Seed.Os::name)
                .containsExactly("Debian 12", "Ubuntu 24.04", "AlmaLinux 9", "Debian 12 LAMP");
        assertThat(demo.repositories()).extracting(Seed.Repository::name).containsExactly("ISPsystem", "local");
        assertThat(demo.ipPools()).extracting(Seed.IpPool::size).containsExactly(40, 10, 20);
        assertThat(demo.presets()).hasSize(3);
    }

    @Test
    void aSeedReadFromJsonOrBuiltInJavaStarts() throws IOException {
        String json = """
                {"accounts": [{"id": 5, "email": "root@example.com", "password": "a:b", "role": "@admin"}],
                 "clusters": [{"id": 1, "name": "c", "capacity": 1, "nodes": [{"id": 1, "name": "n"}]}],
                 "repositories": [{"id": 1, "name": "r"}],
                 "os": [{"id": 1, "name": "o", "repositoryId": 1}],
                 "presets": [],
                 "ipPools": [{"id": 1, "name": "p", "clusterIds": [1], "firstIp": "10.0.0.1", "size": 2}]}
                """;
        Seed seed = Seed.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        try (VmManager6Simulator simulator = VmManager6Simulator.start(SimulatorConfig.forTests().withSeed(seed))) {
            assertThat(simulator.credential()).as("split at the first colon").isEqualTo("root@example.com:a:b");
            assertThat(simulator.pool(1).firstIp()).isEqualTo("10.0.0.1");
            assertThat(simulator.accounts()).extracting(SimulatedAccount::id).containsExactly(5L);
        }

        Seed built = Seed.demo().toBuilder().ipPool(new Seed.IpPool(1, "tiny", List.of(1L), "192.0.2.1", 1)).build();
        assertThat(built.ipPools()).extracting(Seed.IpPool::name).contains("tiny").doesNotContain("FRA public");
    }

    @Test
    void aBrokenSeedIsRefused() {
        Seed badPool = Seed.demo().toBuilder()
                .ipPool(new Seed.IpPool(9, "x", List.of(99L), "10.0.0.1", 1)).build();
        Seed badRole = Seed.demo().toBuilder()
                .account(new Seed.Account(2, "x@example.com", "pw", "@root")).build();
        Seed badOs = Seed.demo().toBuilder().os(new Seed.Os(9, "x", 99)).build();

        for (Seed seed : List.of(badPool, badRole, badOs)) {
            assertThatThrownBy(() -> VmManager6Simulator.start(SimulatorConfig.forTests().withSeed(seed)).close())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
