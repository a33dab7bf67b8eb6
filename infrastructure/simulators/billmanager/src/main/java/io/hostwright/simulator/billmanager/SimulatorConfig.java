package io.hostwright.simulator.billmanager;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How a simulator starts.
 *
 * @param port       0 for a free port
 * @param randomSeed makes the random error rate and the generated keys and session ids repeatable
 * @param clock      drives expiry, suspension, deletion and sessions; pass a controllable one to move time in tests
 */
public record SimulatorConfig(int port, Seed seed, Settings settings, long randomSeed, InstantSource clock) {

    public SimulatorConfig {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }

    /** Free port, the demo seed, default settings, the system clock. */
    public static SimulatorConfig laptop() {
        return new SimulatorConfig(0, Seed.demo(), Settings.defaults(), 42, InstantSource.system());
    }

    /**
     * The same as {@link #laptop()}: nothing in this simulator takes time of its own, so there is no pace to
     * change; kept so it starts like the other simulators. Tests usually add {@link #withClock}.
     */
    public static SimulatorConfig forTests() {
        return laptop();
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
