package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simulator started again on the file the last one kept holds what the last one held, tasks still running. */
class StateFileTest {

    private final TestClock clock = new TestClock(SimulatorFixture.T0);

    private VmManager6Simulator start(Path file) {
        return VmManager6Simulator.start(SimulatorConfig.forTests().withClock(clock), StateFile.at(file));
    }

    @Test
    void aRestartKeepsHostsIpsTokensAndATaskUnderWayWithItsEffect(@TempDir Path dir) {
        Path file = dir.resolve("vmmanager6.json");
        long id;
        String token;
        int freeBefore;
        try (VmManager6Simulator first = start(file)) {
            token = Http.anonymous(first).post("/auth/v4/public/token",
                    Map.of("email", Seed.ADMIN_EMAIL, "password", Seed.ADMIN_PASSWORD)).json().path("token").asText();
            Http api = Http.anonymous(first).withToken(token);
            Http.Response created = api.post("/vm/v3/host", SimulatorFixture.hostBody("web-1"));
            id = created.json().path("id").asLong();
            clock.advance(SimulatorFixture.TASK);
            first.addTrafficBurst(id, 1_000, 2_000);
            assertThat(api.post("/vm/v3/host/" + id + "/reinstall", Map.of("os", 1, "password", "n3w-pass"))
                    .status()).isEqualTo(200);
            assertThat(first.host(id).state()).isEqualTo("reinstalling");
            freeBefore = first.pool(1).free();
        }

        try (VmManager6Simulator second = start(file)) {
            SimulatedHost host = second.host(id);
            assertThat(host.name()).isEqualTo("web-1");
            assertThat(host.state()).isEqualTo("reinstalling");
            assertThat(host.runningTask()).isNotNull();
            assertThat(host.ipv4()).hasSize(1);
            assertThat(second.pool(1).free()).isEqualTo(freeBefore);
            assertThat(Http.anonymous(second).withToken(token).get("/vm/v3/host/" + id).status())
                    .as("the token issued before the restart still works").isEqualTo(200);

            clock.advance(SimulatorFixture.TASK);

            assertThat(second.host(id).state()).isEqualTo("active");
            assertThat(second.passwordOf(id)).hasValue("n3w-pass");
            long next = Http.admin(second).post("/vm/v3/host", SimulatorFixture.hostBody("web-2")).json()
                    .path("id").asLong();
            assertThat(next).as("ids go on from where they were").isGreaterThan(id);
        }
    }

    @Test
    void aDeleteUnderWayEndsAfterTheRestartAndGivesTheIpsBack(@TempDir Path dir) {
        Path file = dir.resolve("vmmanager6.json");
        long id;
        int freeWithHost;
        try (VmManager6Simulator first = start(file)) {
            Http api = Http.admin(first);
            id = api.post("/vm/v3/host", SimulatorFixture.hostBody("gone-1")).json().path("id").asLong();
            clock.advance(SimulatorFixture.TASK);
            freeWithHost = first.pool(1).free();
            assertThat(api.delete("/vm/v3/host/" + id).status()).isEqualTo(200);
        }
        clock.advance(SimulatorFixture.TASK);

        try (VmManager6Simulator second = start(file)) {
            assertThat(second.hosts()).extracting(SimulatedHost::id).doesNotContain(id);
            assertThat(second.pool(1).free()).isEqualTo(freeWithHost + 1);
        }
    }

    @Test
    void anUnreadableFileIsRefusedNamingWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vmmanager6.json");
        Files.writeString(file, "[]");

        assertThatThrownBy(() -> start(file)).hasMessageContaining("delete the file");
    }
}
