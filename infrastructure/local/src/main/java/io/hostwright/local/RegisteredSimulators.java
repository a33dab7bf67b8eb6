package io.hostwright.local;

import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import io.hostwright.simulators.SimulatorLauncher;

import java.util.List;

/**
 * The simulators the laptop runtime starts, one per registered back-end: registering a back-end's simulator is one
 * line here (and its module in this module's pom). The runtime itself names no vendor.
 */
public final class RegisteredSimulators {

    public static final List<SimulatorLauncher> ALL = List.of(
            TenantOsSimulator.LAUNCHER,
            VmManager6Simulator.LAUNCHER,
            BillManagerSimulator.LAUNCHER);

    private RegisteredSimulators() {
    }
}
