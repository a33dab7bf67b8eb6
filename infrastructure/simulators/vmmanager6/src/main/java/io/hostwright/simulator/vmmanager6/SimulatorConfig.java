package io.hostwright.simulator.vmmanager6;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How a simulator starts.
 *
 * @param port       0 for a free port
 * @param randomSeed makes the random error rate repeatable
 * @param clock      drives tasks, token and sleep expiry and traffic; pass a controllable one to move time in tests
 */
public record SimulatorConfig(int port, Seed seed, Settings settings, long randomSeed, InstantSource clock) {

    public SimulatorConfig {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
    }

    /** Free port, the demo seed, laptop pace (5 s tasks). */
    public static SimulatorConfig laptop() {
        return new SimulatorConfig(0, Seed.demo(), Settings.laptop(), 42, InstantSource.system());
    }

    /** Free port, the demo seed, test pace (200 ms tasks). */
    public static SimulatorConfig forTests() {
        return laptop().withSettings(Settings.tests());
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(port, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withSeed(Seed seed) {
        return new SimulatorConfig(port, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withSettings(Settings settings) {
        return new SimulatorConfig(port, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withRandomSeed(long randomSeed) {
        return new SimulatorConfig(port, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withClock(InstantSource clock) {
        return new SimulatorConfig(port, seed, settings, randomSeed, clock);
    }
}
