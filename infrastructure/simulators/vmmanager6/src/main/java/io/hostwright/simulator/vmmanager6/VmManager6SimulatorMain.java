package io.hostwright.simulator.vmmanager6;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator until the process ends: {@code --port 8090 --seed seed.json --task-ms 5000 --token-ttl-s 3600
 * --latency-ms 0} (every option optional; port 0 picks a free one). Prints the base URL and credential on one line.
 */
public final class VmManager6SimulatorMain {

    private VmManager6SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.laptop().withPort(8090);
        Settings settings = config.settings();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : usage("missing value for " + option);
            switch (option) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--seed" -> config = config.withSeed(Seed.fromJson(Path.of(value)));
                case "--task-ms" -> settings = settings.withTaskDuration(Duration.ofMillis(Long.parseLong(value)));
                case "--token-ttl-s" -> settings = settings.withTokenTtl(Duration.ofSeconds(Long.parseLong(value)));
                case "--latency-ms" -> settings = settings.withLatency(Duration.ofMillis(Long.parseLong(value)));
                default -> usage("unknown option " + option);
            }
        }
        VmManager6Simulator simulator = VmManager6Simulator.start(config.withSettings(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("VMmanager 6 simulator on " + simulator.baseUrl() + " (credential "
                + simulator.credential() + "; control API " + simulator.baseUrl() + "/_simulator/state)");
        stopped.await();
    }

    private static String usage(String problem) {
        System.err.println(problem + "\nusage: [--port N] [--seed FILE] [--task-ms N] [--token-ttl-s N]"
                + " [--latency-ms N]");
        System.exit(2);
        return "";
    }
}
