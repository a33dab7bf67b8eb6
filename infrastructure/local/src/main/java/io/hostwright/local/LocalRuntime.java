package io.hostwright.local;

import io.hostwright.backends.Backends;
import io.hostwright.domain.catalog.Product;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.local.console.Console;
import io.hostwright.local.function.HandlerFactory;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.local.function.LocalFunctionEnvironment;
import io.hostwright.local.gateway.LocalGateway;
import io.hostwright.local.jwt.LocalJwt;
import io.hostwright.local.schedule.LocalScheduler;
import io.hostwright.local.seed.Seed;
import io.hostwright.local.sqs.SqsPoller;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.secrets.SchemeSecretResolver;
import io.hostwright.simulators.BackendSimulator;
import io.hostwright.simulators.SimulatorLauncher;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole suite on a laptop, from the manifest: DynamoDB Local, ElasticMQ and the SES emulator with the manifest's
 * table and queues, the demo catalog, every function in this JVM with the environment Lambda would give it, the
 * HTTP API on 127.0.0.1:3000 ({@code HOSTWRIGHT_PORT}), a poller per queue trigger and a scheduler.
 *
 * <p>In-process use (end-to-end tests):
 * <pre>{@code
 * try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts())) {
 *     String token = runtime.jwt().issue("alice", "alice@example.com", null, Duration.ofMinutes(5));
 *     HttpRequest.newBuilder(runtime.apiUri().resolve("/v1/catalog/products")) ...
 * }
 * }</pre>
 * Function environments are JVM system properties, so one runtime runs per JVM at a time.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final int DEFAULT_PORT = 3000;
    public static final String PORT_VARIABLE = "HOSTWRIGHT_PORT";
    /** Where a simulator's credential is, for connections whose {@code secretRef} is {@code env:<this>}. */
    public static String simulatorKeyVariable(String backend) {
        return "HOSTWRIGHT_SIMULATOR_" + backend.toUpperCase(Locale.ROOT).replace('-', '_') + "_KEY";
    }

    private static final AtomicBoolean ONE_PER_JVM = new AtomicBoolean();
    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    /**
     * What to start.
     *
     * @param port          gateway port on 127.0.0.1, {@code 0} for a free one
     * @param emulatorPorts ports for DynamoDB Local, ElasticMQ and the SES emulator
     * @param functions     the functions to host (the manifest's, or a test's own)
     * @param handlers      builds handler instances ({@link HandlerFactory#reflective()} as Lambda does)
     * @param seedFile      catalog seed loaded into the table at startup, or null for none; a
     *                      {@code connections.json} beside it seeds the back-end connections
     * @param simulators    back-end name → how to start its simulator (connections of that back-end whose base URL
     *                      is {@code simulator} point at it); by default every registered one
     * @param duplicateDeliveries every queue batch delivered twice, concurrently (idempotency tests)
     */
    public record Settings(int port, LocalAws.Ports emulatorPorts, List<FunctionSpec> functions,
                           HandlerFactory handlers, Path seedFile,
                           Map<String, Supplier<BackendSimulator>> simulators, boolean duplicateDeliveries) {

        public Settings {
            Objects.requireNonNull(emulatorPorts, "emulatorPorts");
            Objects.requireNonNull(handlers, "handlers");
            functions = List.copyOf(functions);
            simulators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(simulators));
        }

        /** The one command: port from {@code HOSTWRIGHT_PORT} (else 3000), the emulators' usual ports, the demo catalog. */
        public static Settings laptop() {
            return new Settings(portFromEnvironment(), LocalAws.Ports.CONVENTIONAL, Manifest.FUNCTIONS,
                    HandlerFactory.reflective(), SeedFiles.demoCatalog().orElse(null),
                    registeredSimulators(SimulatorLauncher.Pace.LAPTOP), false);
        }

        /** Everything on free ports, the manifest's functions, the demo catalog: for end-to-end tests. */
        public static Settings onFreePorts() {
            return new Settings(0, LocalAws.Ports.ANY_FREE, Manifest.FUNCTIONS, HandlerFactory.reflective(),
                    SeedFiles.demoCatalog().orElse(null), registeredSimulators(SimulatorLauncher.Pace.TESTS), false);
        }

        private static Map<String, Supplier<BackendSimulator>> registeredSimulators(SimulatorLauncher.Pace pace) {
            Map<String, Supplier<BackendSimulator>> simulators = new LinkedHashMap<>();
            RegisteredSimulators.ALL.forEach(l -> simulators.put(l.backend(), () -> l.start(pace)));
            return simulators;
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, emulatorPorts, functions, handlers, seedFile, simulators, duplicateDeliveries);
        }

        public Settings withFunctions(List<FunctionSpec> newFunctions, HandlerFactory newHandlers) {
            return new Settings(port, emulatorPorts, newFunctions, newHandlers, seedFile, simulators, duplicateDeliveries);
        }

        public Settings withSeedFile(Path newSeedFile) {
            return new Settings(port, emulatorPorts, functions, handlers, newSeedFile, simulators, duplicateDeliveries);
        }

        /** Starts {@code backend}'s simulator this way instead (a test's own seed, pace or faults). */
        public Settings withSimulator(String backend, Supplier<BackendSimulator> start) {
            Map<String, Supplier<BackendSimulator>> changed = new LinkedHashMap<>(simulators);
            changed.put(backend, start);
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, changed, duplicateDeliveries);
        }

        public Settings withoutSimulators() {
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, Map.of(), duplicateDeliveries);
        }

        public Settings withDuplicateDeliveries(boolean duplicate) {
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, simulators, duplicate);
        }
    }

    private final LocalAws aws;
    private final boolean ownsAws;
    private final LocalFunctionEnvironment environment;
    private final List<LocalFunction> functions;
    private final List<Product> seededProducts;
    private final Map<String, BackendSimulator> simulators;
    private final LocalScheduler scheduler;
    private final List<SqsPoller> pollers;
    private final LocalGateway gateway;
    private final Duration startupTime;
    private final List<String> warnings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRuntime(Parts parts, Duration startupTime) {
        this.aws = parts.aws;
        this.ownsAws = parts.ownsAws;
        this.environment = parts.environment;
        this.functions = List.copyOf(parts.functions);
        this.seededProducts = List.copyOf(parts.seededProducts);
        this.simulators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts.simulators));
        this.scheduler = parts.scheduler;
        this.pollers = List.copyOf(parts.pollers);
        this.gateway = parts.gateway;
        this.startupTime = startupTime;
        this.warnings = List.copyOf(parts.warnings);
    }

    /** Starts the emulators too, and stops them on {@link #close()}. */
    public static LocalRuntime start(Settings settings) {
        long started = System.nanoTime();
        claimJvm();
        LocalAws aws;
        try {
            requireFreePort(settings.port());
            aws = LocalAws.start(settings.emulatorPorts());
        } catch (RuntimeException e) {
            ONE_PER_JVM.set(false);
            throw e;
        }
        return start(settings, aws, true, started);
    }

    /**
     * Runs on emulators someone else started (e.g. a test's shared {@code LocalAwsExtension} instance); they are
     * left running on {@link #close()}. {@code settings.emulatorPorts()} is ignored.
     */
    public static LocalRuntime start(Settings settings, LocalAws aws) {
        long started = System.nanoTime();
        claimJvm();
        return start(settings, aws, false, started);
    }

    private static LocalRuntime start(Settings settings, LocalAws aws, boolean ownsAws, long started) {
        Parts parts = new Parts(aws, ownsAws);
        try {
            // Powertools metrics off Lambda would otherwise look for a CloudWatch agent on port 25888
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
            parts.environment = LocalFunctionEnvironment.of(settings.functions(), aws.resourceNames(),
                    platformEnvironment(aws), LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY);
            parts.warnings.addAll(parts.environment.checkNotShadowedBy(System.getenv()));
            parts.environment.apply();
            for (Map.Entry<String, Supplier<BackendSimulator>> simulator : settings.simulators().entrySet()) {
                BackendSimulator running = simulator.getValue().get();
                parts.simulators.put(simulator.getKey(), running);
                // the demo connections name their key "env:…": the functions read it like any environment variable
                System.setProperty(simulatorKeyVariable(simulator.getKey()), running.credential());
            }
            if (settings.seedFile() != null) {
                parts.seededProducts.addAll(seed(aws, settings.seedFile(), parts.simulators));
            }
            HandlerFactory handlers = parts.environment.wrap(settings.handlers());
            for (FunctionSpec spec : settings.functions()) {
                parts.functions.add(LocalFunction.start(spec, handlers, LocalAws.REGION));
            }
            parts.scheduler = new LocalScheduler(parts.functions, LocalAws.REGION, Clock.systemUTC()).start();
            for (LocalFunction function : parts.functions) {
                if (function.spec().trigger() instanceof Trigger.Queue queue) {
                    parts.pollers.add(new SqsPoller(function, aws.sqs(), aws.queueUrl(queue.queue()), LocalAws.REGION)
                            .duplicatingDeliveries(settings.duplicateDeliveries()).start());
                }
            }
            parts.gateway = LocalGateway.start(settings.port(), parts.functions, LaptopHelpers.of(aws, parts.scheduler, parts.functions, parts.simulators));
            return new LocalRuntime(parts, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            parts.stop(e);
            ONE_PER_JVM.set(false);
            throw e;
        }
    }

    /**
     * Loads the seed beside {@code seedFile} (the catalog and its connections), connections at {@code simulator}
     * pointed at the running simulators, checked against the registered back-ends before anything is written.
     */
    private static List<Product> seed(LocalAws aws, Path seedFile, Map<String, BackendSimulator> simulators) {
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        Seed seed = Seed.read(seedFile.getParent())
                .withSimulators(backend -> Optional.ofNullable(simulators.get(backend)).map(BackendSimulator::baseUrl))
                .checkedAgainst(Backends.on(aws.dynamoDb(), aws.tableName(), null, null, Backends.keysFromEnvironment(),
                        Backends.BACKOFF, Clock.systemUTC()), connections);
        DynamoDbCatalogRepository catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName());
        seed.writeTo(connections, new DynamoDbConnectionTemplates(aws.dynamoDb(), aws.tableName()), catalog);
        // as the catalog serves them: with the OS templates their connections offer
        return seed.products().stream().map(p -> catalog.findProduct(p.productId()).orElse(p)).toList();
    }

    /** What Lambda provides beside the manifest's variables; the endpoints exist only on the laptop. */
    private static Map<String, String> platformEnvironment(LocalAws aws) {
        Map<String, String> platform = new LinkedHashMap<>();
        platform.put("AWS_REGION", LocalAws.REGION);
        platform.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString());
        platform.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
        platform.put("AWS_ENDPOINT_URL_SES", aws.sesEndpoint().toString());
        // the laptop's connections keep their keys in variables and files; in AWS only Secrets Manager is read
        platform.put(SchemeSecretResolver.SCHEMES_VARIABLE, "secretsmanager,env,file");
        return platform;
    }

    /** Fails before the emulators' seconds of start-up rather than after, when the API port is taken. */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LocalGateway.HOST))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(LocalGateway.HOST + ":" + port + " is in use; stop what listens there or set "
                    + PORT_VARIABLE + " to another port", e);
        }
    }

    private static void claimJvm() {
        if (!ONE_PER_JVM.compareAndSet(false, true)) {
            throw new IllegalStateException("a laptop runtime already runs in this JVM; function environments are "
                    + "system properties, so close it first");
        }
    }

    static int portFromEnvironment() {
        String configured = System.getenv(PORT_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(configured.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number (1-65535), not \"" + configured + "\"");
        }
    }

    /** {@code http://127.0.0.1:<port>}: the HTTP API and the {@code /local/} helpers. */
    public URI apiUri() {
        return gateway.uri();
    }

    public int port() {
        return gateway.port();
    }

    /** Issues tokens the gateway accepts (as {@code POST /local/token} does). */
    public LocalJwt jwt() {
        return gateway.jwt();
    }

    public LocalAws aws() {
        return aws;
    }

    /** The simulators started, by back-end name (what {@code GET /local/simulators} lists). */
    public Map<String, BackendSimulator> simulators() {
        return simulators;
    }

    /** The simulator of {@code backend}, as its own type (tests drive its control API). */
    public <T extends BackendSimulator> T simulator(String backend, Class<T> type) {
        BackendSimulator simulator = simulators.get(backend);
        if (simulator == null) {
            throw new IllegalStateException("no " + backend + " simulator runs; started: " + simulators.keySet());
        }
        return type.cast(simulator);
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    public LocalGateway gateway() {
        return gateway;
    }

    public List<LocalFunction> functions() {
        return functions;
    }

    public List<SqsPoller> pollers() {
        return pollers;
    }

    public List<Product> seededProducts() {
        return seededProducts;
    }

    /** The environment every hosted function sees. */
    public Map<String, String> functionEnvironment() {
        return environment.shared();
    }

    /** From the first emulator starting to the gateway listening. */
    public Duration startupTime() {
        return startupTime;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Stops the gateway, scheduler and pollers (letting in-flight work finish), then the emulators if it started them. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            new Parts(this).stop(null);
        } finally {
            ONE_PER_JVM.set(false);
        }
    }

    /**
     * {@code java -jar infrastructure/local/target/hostwright-local.jar}: starts everything, prints where it listens
     * and the demo flow, and stops every child process on Ctrl-C.
     */
    public static void main(String[] args) {
        // DynamoDB Local's SQLite binding chatters ("unknown jar version") on the terminal otherwise
        SQLITE_LOG.setLevel(Level.SEVERE);
        LocalRuntime runtime;
        try {
            Console.info("starting Hostwright on this laptop…");
            runtime = start(Settings.laptop());
        } catch (RuntimeException e) {
            Console.error("Hostwright did not start: " + e.getMessage(), e);
            // DynamoDB Local leaves non-daemon threads behind even when stopped
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.info("stopping Hostwright…");
            try {
                runtime.close();
            } finally {
                Console.info("stopped");
                stopped.countDown();
            }
        }, "hostwright-stop"));
        System.out.println(StartupBanner.text(runtime));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** What has been started so far, stopped in reverse order. */
    private static final class Parts {
        final LocalAws aws;
        final boolean ownsAws;
        LocalFunctionEnvironment environment;
        final List<LocalFunction> functions = new ArrayList<>();
        final List<Product> seededProducts = new ArrayList<>();
        final Map<String, BackendSimulator> simulators = new LinkedHashMap<>();
        LocalScheduler scheduler;
        final List<SqsPoller> pollers = new ArrayList<>();
        LocalGateway gateway;
        final List<String> warnings = new ArrayList<>();

        Parts(LocalAws aws, boolean ownsAws) {
            this.aws = aws;
            this.ownsAws = ownsAws;
        }

        Parts(LocalRuntime running) {
            this(running.aws, running.ownsAws);
            environment = running.environment;
            scheduler = running.scheduler;
            simulators.putAll(running.simulators);
            pollers.addAll(running.pollers);
            gateway = running.gateway;
        }

        void stop(Throwable failure) {
            List<AutoCloseable> order = new ArrayList<>();
            if (gateway != null) {
                order.add(gateway);
            }
            if (scheduler != null) {
                order.add(scheduler);
            }
            order.add(() -> pollers.parallelStream().forEach(SqsPoller::close));
            for (Map.Entry<String, BackendSimulator> simulator : simulators.entrySet()) {
                order.add(simulator.getValue());
                order.add(() -> System.clearProperty(simulatorKeyVariable(simulator.getKey())));
            }
            if (environment != null) {
                order.add(environment::clear);
            }
            if (ownsAws) {
                order.add(aws);
            }
            RuntimeException problems = failure == null ? new IllegalStateException("the laptop runtime did not stop cleanly") : null;
            for (AutoCloseable part : order) {
                try {
                    part.close();
                } catch (Exception e) {
                    (failure != null ? failure : problems).addSuppressed(e);
                }
            }
            if (problems != null && problems.getSuppressed().length > 0) {
                throw problems;
            }
        }
    }
}
