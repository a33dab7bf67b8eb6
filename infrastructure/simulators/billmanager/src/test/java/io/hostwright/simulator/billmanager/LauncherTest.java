package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.BackendSimulator;
import io.hostwright.simulators.SimulatorLauncher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    @Test
    void theLauncherStartsTheDemoSeedOnAFreePort() {
        assertThat(BillManagerSimulator.LAUNCHER.backend()).isEqualTo("billmanager-licences");
        try (BackendSimulator simulator = BillManagerSimulator.LAUNCHER.start(SimulatorLauncher.Pace.TESTS)) {
            assertThat(simulator.backend()).isEqualTo("billmanager-licences");
            assertThat(simulator.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(simulator.credential()).isEqualTo("reseller:billmgr-reseller-password");
            assertThat(((BillManagerSimulator) simulator).licences()).hasSize(5);
            assertThat(((BillManagerSimulator) simulator).freeLicences()).hasSize(4);
        }
    }
}
