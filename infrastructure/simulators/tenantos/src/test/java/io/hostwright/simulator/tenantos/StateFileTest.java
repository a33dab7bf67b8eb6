package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simulator started again on the file the last one kept holds what the last one held, installs still counting. */
class StateFileTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

    private SimulatorConfig config() {
        return SimulatorConfig.forTests().withClock(clock)
                .withSettings(Settings.tests().withInstallDuration(Duration.ofMinutes(10)));
    }

    @Test
    void aRestartKeepsOwnersIpsUsersTokensTrafficAndAnInstallUnderWay(@TempDir Path dir) {
        Path file = dir.resolve("tenantos.json");
        long userId;
        String bytesBefore;
        try (TenantOsSimulator first = TenantOsSimulator.start(config(), StateFile.at(file))) {
            Http http = new Http(first);
            userId = http.post("/api/users", Map.of("name", "Grace Hopper", "username", "grace",
                    "email", "grace@example.com", "password", "s3cret-Pa55", "role_id", 3)).result().path("id").asLong();
            first.reassign(101, userId);
            assertThat(http.post("/api/servers/101/ipassignments", Map.of("subnetId", 10, "ip", "203.0.113.40"))
                    .status()).isEqualTo(200);
            assertThat(http.post("/api/servers/101/provisioning/startReinstallation",
                    Map.of("profileId", 12, "hostname", "web1.example.com", "rootPassword", "Tr0ub4dor&3"))
                    .status()).isEqualTo(200);
            first.addTrafficBurst(101, 5_000, 7_000);
            clock.advance(Duration.ofMinutes(1));
            bytesBefore = first.traffic(101).toString();
            assertThat(first.server(101).reinstallationRunning()).isTrue();
        }

        assertThat(file).isRegularFile();
        try (TenantOsSimulator second = TenantOsSimulator.start(config(), StateFile.at(file))) {
            SimulatedServer server = second.server(101);
            assertThat(server.userId()).isEqualTo(userId);
            assertThat(server.hostname()).isEqualTo("web1.example.com");
            assertThat(server.ipAssignments()).extracting(SimulatedServer.IpAssignment::ip)
                    .containsExactly("203.0.113.11", "203.0.113.40");
            assertThat(second.freeIps(10)).doesNotContain("203.0.113.40");
            assertThat(second.userByEmail("grace@example.com")).isPresent();
            assertThat(second.rootPasswordOf(101)).hasValue("Tr0ub4dor&3");
            assertThat(second.traffic(101).toString()).isEqualTo(bytesBefore);
            assertThat(server.reinstallationRunning()).as("the install goes on after the restart").isTrue();

            clock.advance(Duration.ofMinutes(10));

            assertThat(second.server(101).reinstallationRunning()).isFalse();
            assertThat(second.server(101).os()).isEqualTo("Debian 12 (Bookworm)");
            Http http = new Http(second);
            long next = http.post("/api/users", Map.of("name", "Ada", "username", "ada", "email", "ada@example.com",
                    "password", "s3cret-Pa55", "role_id", 3)).result().path("id").asLong();
            assertThat(next).as("ids go on from where they were").isGreaterThan(userId);
        }
    }

    @Test
    void everyChangeIsOnDiskBeforeItIsAnswered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tenantos.json");
        try (TenantOsSimulator simulator = TenantOsSimulator.start(config(), StateFile.at(file))) {
            new Http(simulator).post("/api/servers/102/provisioning/startReinstallation",
                    Map.of("profileId", 12, "hostname", "db1.example.com"));

            // read while the simulator still runs, as a restart after a kill would
            try (TenantOsSimulator reader = TenantOsSimulator.start(config(), StateFile.at(file))) {
                assertThat(reader.server(102).hostname()).isEqualTo("db1.example.com");
            }
        }
    }

    @Test
    void resetGoesBackToTheSeedInTheFileToo(@TempDir Path dir) {
        Path file = dir.resolve("tenantos.json");
        try (TenantOsSimulator simulator = TenantOsSimulator.start(config(), StateFile.at(file))) {
            simulator.reassign(103, null);
            simulator.reset();
        }
        try (TenantOsSimulator again = TenantOsSimulator.start(config(), StateFile.at(file))) {
            assertThat(again.server(103).userId()).isEqualTo(Seed.demo().servers().stream()
                    .filter(s -> s.id() == 103).findFirst().orElseThrow().userId());
        }
    }

    @Test
    void anUnreadableFileIsRefusedNamingWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tenantos.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> TenantOsSimulator.start(config(), StateFile.at(file)))
                .hasMessageContaining("not readable").hasMessageContaining("delete the file");
    }

    @Test
    void withoutAFileNothingIsWritten(@TempDir Path dir) throws Exception {
        try (TenantOsSimulator simulator = TenantOsSimulator.start(config())) {
            simulator.reassign(101, null);
            assertThat(simulator.stateFile()).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
