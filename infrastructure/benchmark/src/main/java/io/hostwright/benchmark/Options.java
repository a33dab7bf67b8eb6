package io.hostwright.benchmark;

import java.time.Duration;

/**
 * What to run. Defaults finish in about three minutes on two cores.
 *
 * @param runs        fresh JVMs per function and JVM mode; the median is printed
 * @param orders      orders placed in the measured window
 * @param concurrency HTTP clients placing orders at once
 * @param warmup      orders placed (at the same concurrency) before the measured window, reported apart
 * @param jvmTimeout  longest a cold-start JVM may live before it is killed and counted as failed
 * @param loadTimeout longest the measured window may last; orders not placed by then are reported as not sent
 */
public record Options(int runs, int orders, int concurrency, int warmup, boolean coldStarts, boolean orderLoad,
                      Duration jvmTimeout, Duration loadTimeout) {

    public static final String USAGE = """
            usage: java -jar infrastructure/benchmark/target/hostwright-benchmark.jar [options]
              --runs=N          cold-start JVMs per function and JVM mode, median printed (default 5)
              --orders=N        orders in the measured window (default 1000)
              --concurrency=N   concurrent HTTP clients placing orders (default 8)
              --warmup=N        warm-up orders before the window, reported apart (default 40)
              --only=coldstart  cold starts only;  --only=orders  order acceptance only
              --help            this text
            Run from the repository root after: mvn -B -q package -DskipTests
            """;

    public Options {
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs must be 1..50");
        }
        if (orders < 1 || orders > 100_000) {
            throw new IllegalArgumentException("--orders must be 1..100000");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be 1..64 (the gateway has 32 threads)");
        }
        if (warmup < 0 || warmup > 10_000) {
            throw new IllegalArgumentException("--warmup must be 0..10000");
        }
    }

    public static Options defaults() {
        return new Options(5, 1000, 8, 40, true, true, Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public static Options parse(String[] args) {
        Options o = defaults();
        int runs = o.runs, orders = o.orders, concurrency = o.concurrency, warmup = o.warmup;
        boolean coldStarts = true, orderLoad = true;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--runs" -> runs = number(name, value);
                case "--orders" -> orders = number(name, value);
                case "--concurrency" -> concurrency = number(name, value);
                case "--warmup" -> warmup = number(name, value);
                case "--only" -> {
                    switch (value) {
                        case "coldstart" -> orderLoad = false;
                        case "orders" -> coldStarts = false;
                        default -> throw new IllegalArgumentException("--only is coldstart or orders, not \"" + value + "\"");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(runs, orders, concurrency, warmup, coldStarts, orderLoad, o.jvmTimeout, o.loadTimeout);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, e.g. " + name + "=5");
        }
    }
}
