package io.hostwright.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The command line of {@code java -jar hostwright-local.jar}: read strictly (an unknown option is refused, not
 * ignored), each option also settable by an environment variable where it makes sense.
 *
 * @param dataDir  where data is kept across restarts; null with {@code inMemory}
 * @param fresh    empty the data folder before starting
 * @param inMemory keep nothing: every start from the demo seed
 * @param verbose  every function's structured log, metrics and the emulators' own lines too
 * @param port     the HTTP API's port
 * @param help     print {@link #usage()} and exit
 */
public record LaptopOptions(Path dataDir, boolean fresh, boolean inMemory, boolean verbose, int port, boolean help) {

    /** What {@code main} exits with when the command line is refused (as most command-line tools do). */
    public static final int USAGE_EXIT_CODE = 2;

    /** A command line that cannot be run; {@link #getMessage()} says what is wrong and points at {@code --help}. */
    public static final class UsageException extends RuntimeException {
        UsageException(String problem) {
            super(problem + " (java -jar hostwright-local.jar --help lists the options)");
        }
    }

    /**
     * @param environment     the process environment ({@code HOSTWRIGHT_PORT}, {@value DataFolder#VARIABLE})
     * @param defaultDataDir  where data goes unless told otherwise; asked only when needed
     */
    public static LaptopOptions parse(List<String> args, Map<String, String> environment,
                                      Supplier<Path> defaultDataDir) {
        Objects.requireNonNull(environment, "environment");
        Path dataDir = null;
        boolean fresh = false;
        boolean inMemory = false;
        boolean verbose = false;
        Integer port = null;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--fresh" -> fresh = flag(name, inline);
                case "--in-memory" -> inMemory = flag(name, inline);
                case "--verbose", "-v" -> verbose = flag(name, inline);
                case "--data-dir" -> {
                    String value = inline != null ? inline : value(args, ++i, name);
                    if (value.isBlank()) {
                        throw new UsageException("--data-dir needs a folder");
                    }
                    dataDir = Path.of(value);
                }
                case "--port" -> port = port(inline != null ? inline : value(args, ++i, name), "--port");
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + arg
                        : "unexpected argument \"" + arg + "\" (options start with --)");
            }
        }
        if (help) {
            return new LaptopOptions(null, false, false, false, LocalRuntime.DEFAULT_PORT, true);
        }
        if (inMemory && (dataDir != null || fresh)) {
            throw new UsageException("--in-memory keeps no data folder, so it goes with neither --data-dir nor --fresh");
        }
        if (port == null) {
            String configured = environment.get(LocalRuntime.PORT_VARIABLE);
            port = configured == null || configured.isBlank() ? LocalRuntime.DEFAULT_PORT
                    : port(configured, LocalRuntime.PORT_VARIABLE);
        }
        if (!inMemory && dataDir == null) {
            String configured = environment.get(DataFolder.VARIABLE);
            dataDir = configured != null && !configured.isBlank() ? Path.of(configured) : defaultDataDir.get();
        }
        return new LaptopOptions(dataDir == null ? null : dataDir.toAbsolutePath().normalize(), fresh, inMemory,
                verbose, port, false);
    }

    private static boolean flag(String name, String inline) {
        if (inline != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static String value(List<String> args, int index, String name) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String value, String source) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(source + " must be a port number (1-65535), not \"" + value + "\"");
        }
    }

    /** What {@code --help} prints. */
    public static String usage() {
        return """
                Hostwright on this laptop: every function of the suite on local emulators, the HTTP API on 127.0.0.1.

                Usage: java -jar infrastructure/local/target/hostwright-local.jar [options]   (from the repository root)

                Options:
                  --data-dir <folder>  keep data there (default: .hostwright/data in the repository, or %s)
                  --fresh              empty the data folder first: back to the demo catalog and stock
                  --in-memory          keep nothing on disk: every start begins from the demo seed
                  --port <n>           the HTTP API's port (default 3000, or %s)
                  --verbose, -v        every function's JSON log lines and metrics, not just one line per request
                  --help, -h           this text

                What is kept across restarts (in the data folder): the table (services, orders, idempotency keys,
                operations), queued messages, sent e-mail, and each back-end simulator's state. The demo catalog is
                loaded into a new (or --fresh) folder only; later starts keep what you changed.

                Environment:
                  HOSTWRIGHT_PORT       the HTTP API's port
                  HOSTWRIGHT_DATA_DIR   the data folder
                  HOSTWRIGHT_SIMULATOR_<BACK-END>_PORT
                                        a back-end simulator's port; defaults: tenantos 3101, vmmanager6 3102,
                                        billmanager-licences 3103 (e.g. HOSTWRIGHT_SIMULATOR_TENANTOS_PORT=4101)
                  HOSTWRIGHT_SEED       another catalog seed (catalog.json) for a new data folder
                """.formatted(DataFolder.VARIABLE, LocalRuntime.PORT_VARIABLE);
    }
}
