package io.hostwright.simulator.tenantos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator until the process ends:
 * {@code --port 8089 --api-key KEY --seed seed.json --install-ms 5000 --wipe-ms 8000 --latency-ms 0
 * --stale-status-reads 0}
 * (every option optional; port 0 picks a free one). Prints the base URL and key on one line.
 */
public final class TenantOsSimulatorMain {

    private TenantOsSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.laptop().withPort(8089);
        Settings settings = config.settings();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : usage("missing value for " + option);
            switch (option) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--api-key" -> config = config.withApiKey(value);
                case "--seed" -> config = config.withSeed(Seed.fromJson(Path.of(value)));
                case "--install-ms" -> settings = settings.withInstallDuration(millis(value));
                case "--wipe-ms" -> settings = settings.withWipeDuration(millis(value));
                case "--latency-ms" -> settings = settings.withLatency(millis(value));
                case "--stale-status-reads" -> settings = settings.withStaleStatusReads(Integer.parseInt(value));
                default -> usage("unknown option " + option);
            }
        }
        TenantOsSimulator simulator = TenantOsSimulator.start(config.withSettings(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("TenantOS simulator on " + simulator.baseUrl() + " (API key " + simulator.apiKey()
                + "; control API " + simulator.baseUrl() + "/_simulator/state)");
        stopped.await();
    }

    private static Duration millis(String value) {
        return Duration.ofMillis(Long.parseLong(value));
    }

    private static String usage(String problem) {
        System.err.println(problem + "\nusage: [--port N] [--api-key KEY] [--seed FILE] [--install-ms N]"
                + " [--wipe-ms N] [--latency-ms N] [--stale-status-reads N]");
        System.exit(2);
        return "";
    }
}
