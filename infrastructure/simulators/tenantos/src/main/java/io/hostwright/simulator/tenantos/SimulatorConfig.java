package io.hostwright.simulator.tenantos;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How a simulator starts.
 *
 * @param port       0 for a free port
 * @param apiKey     the one key {@code Authorization: Bearer} must carry
 * @param randomSeed makes the random error rate repeatable
 * @param clock      drives installs, traffic and SSO token expiry; pass a controllable one to move time in tests
 */
public record SimulatorConfig(int port, String apiKey, Seed seed, Settings settings, long randomSeed,
                              InstantSource clock) {

    public static final String DEFAULT_API_KEY = "hostwright-local-tenantos-key";

    public SimulatorConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
    }

    /** Free port, the demo seed, laptop pace (5 s installs). */
    public static SimulatorConfig laptop() {
        return new SimulatorConfig(0, DEFAULT_API_KEY, Seed.demo(), Settings.laptop(), 42, InstantSource.system());
    }

    /** Free port, the demo seed, test pace (1 s installs). */
    public static SimulatorConfig forTests() {
        return laptop().withSettings(Settings.tests());
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withApiKey(String apiKey) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withSeed(Seed seed) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withSettings(Settings settings) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withRandomSeed(long randomSeed) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }

    public SimulatorConfig withClock(InstantSource clock) {
        return new SimulatorConfig(port, apiKey, seed, settings, randomSeed, clock);
    }
}
