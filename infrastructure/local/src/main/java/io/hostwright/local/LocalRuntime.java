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
import io.hostwright.local.events.SesSendEvents;
import io.hostwright.local.jwt.LocalJwt;
import io.hostwright.local.jwt.SigningKeyFile;
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

    /** Starts a back-end's simulator on {@code port} (0: a free one), keeping its state in {@code stateFile} (or not, null). */
    @FunctionalInterface
    public interface SimulatorStart {
        BackendSimulator start(int port, Path stateFile);
    }

    /**
     * What to start.
     *
     * @param port           gateway port on 127.0.0.1, {@code 0} for a free one
     * @param emulatorPorts  ports for DynamoDB Local, ElasticMQ and the SES emulator
     * @param functions      the functions to host (the manifest's, or a test's own)
     * @param handlers       builds handler instances ({@link HandlerFactory#reflective()} as Lambda does)
     * @param seedFile       catalog seed loaded into the table at startup (into a new data folder only), or null for
     *                       none; a {@code connections.json} beside it seeds the back-end connections
     * @param simulators     back-end name → how to start its simulator (connections of that back-end whose base URL
     *                       is {@code simulator} point at it); by default every registered one
     * @param simulatorPorts back-end name → its simulator's port; absent or 0: a free one
     * @param duplicateDeliveries every queue batch delivered twice, concurrently (idempotency tests)
     * @param dataDir        the data folder kept across restarts (see {@link DataFolder}); null keeps everything in
     *                       memory
     * @param fresh          empty the data folder first
     */
    public record Settings(int port, LocalAws.Ports emulatorPorts, List<FunctionSpec> functions,
                           HandlerFactory handlers, Path seedFile, Map<String, SimulatorStart> simulators,
                           Map<String, Integer> simulatorPorts, boolean duplicateDeliveries, Path dataDir,
                           boolean fresh) {

        public Settings {
            Objects.requireNonNull(emulatorPorts, "emulatorPorts");
            Objects.requireNonNull(handlers, "handlers");
            functions = List.copyOf(functions);
            simulators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(simulators));
            simulatorPorts = Map.copyOf(simulatorPorts);
            dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        }

        /**
         * The one command, as its options say: the API on {@code options.port()}, the emulators' usual ports, each
         * simulator on its fixed port ({@code HOSTWRIGHT_SIMULATOR_<BACK-END>_PORT} to move it), the demo catalog,
         * and the data folder.
         */
        public static Settings laptop(LaptopOptions options) {
            Map<String, Integer> simulatorPorts = new LinkedHashMap<>();
            RegisteredSimulators.ALL.forEach(l -> simulatorPorts.put(l.backend(),
                    portFromEnvironment(simulatorPortVariable(l.backend()), l.defaultPort())));
            return new Settings(options.port(), LocalAws.Ports.CONVENTIONAL, Manifest.FUNCTIONS,
                    HandlerFactory.reflective(), SeedFiles.demoCatalog().orElse(null),
                    registeredSimulators(SimulatorLauncher.Pace.LAPTOP), simulatorPorts, false,
                    options.inMemory() ? null : options.dataDir(), options.fresh());
        }

        /** Everything on free ports and in memory, the manifest's functions, the demo catalog: for end-to-end tests. */
        public static Settings onFreePorts() {
            return new Settings(0, LocalAws.Ports.ANY_FREE, Manifest.FUNCTIONS, HandlerFactory.reflective(),
                    SeedFiles.demoCatalog().orElse(null), registeredSimulators(SimulatorLauncher.Pace.TESTS), Map.of(),
                    false, null, false);
        }

        private static Map<String, SimulatorStart> registeredSimulators(SimulatorLauncher.Pace pace) {
            Map<String, SimulatorStart> simulators = new LinkedHashMap<>();
            RegisteredSimulators.ALL.forEach(l -> simulators.put(l.backend(),
                    (port, stateFile) -> l.start(new SimulatorLauncher.Launch(pace, port, stateFile))));
            return simulators;
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, emulatorPorts, functions, handlers, seedFile, simulators, simulatorPorts,
                    duplicateDeliveries, dataDir, fresh);
        }

        public Settings withFunctions(List<FunctionSpec> newFunctions, HandlerFactory newHandlers) {
            return new Settings(port, emulatorPorts, newFunctions, newHandlers, seedFile, simulators, simulatorPorts,
                    duplicateDeliveries, dataDir, fresh);
        }

        public Settings withSeedFile(Path newSeedFile) {
            return new Settings(port, emulatorPorts, functions, handlers, newSeedFile, simulators, simulatorPorts,
                    duplicateDeliveries, dataDir, fresh);
        }

        /**
         * Starts {@code backend}'s simulator this way instead (a test's own seed, pace or faults), in memory on the
         * port it chooses: it keeps no state in the data folder.
         */
        public Settings withSimulator(String backend, Supplier<BackendSimulator> start) {
            return withSimulator(backend, (port, stateFile) -> start.get());
        }

        /** Starts {@code backend}'s simulator this way instead, given the port and state file the runtime would use. */
        public Settings withSimulator(String backend, SimulatorStart start) {
            Map<String, SimulatorStart> changed = new LinkedHashMap<>(simulators);
            changed.put(backend, start);
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, changed, simulatorPorts,
                    duplicateDeliveries, dataDir, fresh);
        }

        public Settings withoutSimulators() {
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, Map.of(), simulatorPorts,
                    duplicateDeliveries, dataDir, fresh);
        }

        /** {@code backend}'s simulator on {@code newPort} (0: a free one). */
        public Settings withSimulatorPort(String backend, int newPort) {
            Map<String, Integer> changed = new LinkedHashMap<>(simulatorPorts);
            changed.put(backend, newPort);
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, simulators, changed,
                    duplicateDeliveries, dataDir, fresh);
        }

        public Settings withDuplicateDeliveries(boolean duplicate) {
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, simulators, simulatorPorts,
                    duplicate, dataDir, fresh);
        }

        /** Keeps everything in {@code folder} across restarts (null: in memory); {@code fresh} empties it first. */
        public Settings withDataDir(Path folder, boolean emptyFirst) {
            return new Settings(port, emulatorPorts, functions, handlers, seedFile, simulators, simulatorPorts,
                    duplicateDeliveries, folder, emptyFirst);
        }

        int simulatorPort(String backend) {
            return simulatorPorts.getOrDefault(backend, 0);
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
    private final SesSendEvents sendEvents;
    private final LocalGateway gateway;
    private final Duration startupTime;
    private final List<String> warnings;
    private final DataFolder dataFolder;
    private final boolean seededThisStart;
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
        this.sendEvents = parts.sendEvents;
        this.gateway = parts.gateway;
        this.startupTime = startupTime;
        this.warnings = List.copyOf(parts.warnings);
        this.dataFolder = parts.dataFolder;
        this.seededThisStart = parts.seededThisStart;
    }

    /**
     * Starts the emulators too (keeping their data in {@code settings.dataDir()} when it is set), and stops them on
     * {@link #close()}.
     */
    public static LocalRuntime start(Settings settings) {
        long started = System.nanoTime();
        claimJvm();
        DataFolder folder = null;
        LocalAws aws;
        try {
            requireFreePort(settings.port());
            requireFreeSimulatorPorts(settings);
            folder = settings.dataDir() == null ? null : DataFolder.open(settings.dataDir(), settings.fresh());
            aws = LocalAws.start(settings.emulatorPorts(), folder == null ? null : folder.emulators());
        } catch (RuntimeException e) {
            if (folder != null) {
                folder.close();
            }
            ONE_PER_JVM.set(false);
            throw e;
        }
        return start(settings, aws, true, folder, started);
    }

    /**
     * Runs on emulators someone else started (e.g. a test's shared {@code LocalAwsExtension} instance); they are
     * left running on {@link #close()}. {@code settings.emulatorPorts()} is ignored, and there is no data folder:
     * the data is in those emulators.
     */
    public static LocalRuntime start(Settings settings, LocalAws aws) {
        if (settings.dataDir() != null) {
            throw new IllegalArgumentException("a data folder needs the runtime's own emulators: "
                    + "start(settings) rather than start(settings, aws)");
        }
        long started = System.nanoTime();
        claimJvm();
        try {
            requireFreeSimulatorPorts(settings);
        } catch (RuntimeException e) {
            ONE_PER_JVM.set(false);
            throw e;
        }
        return start(settings, aws, false, null, started);
    }

    private static LocalRuntime start(Settings settings, LocalAws aws, boolean ownsAws, DataFolder folder,
                                      long started) {
        Parts parts = new Parts(aws, ownsAws);
        parts.dataFolder = folder;
        try {
            // Powertools metrics off Lambda would otherwise look for a CloudWatch agent on port 25888
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
            parts.environment = LocalFunctionEnvironment.of(settings.functions(), aws.resourceNames(),
                    platformEnvironment(aws), LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY);
            parts.warnings.addAll(parts.environment.checkNotShadowedBy(System.getenv()));
            parts.environment.apply();
            for (Map.Entry<String, SimulatorStart> simulator : settings.simulators().entrySet()) {
                String backend = simulator.getKey();
                BackendSimulator running = simulator.getValue().start(settings.simulatorPort(backend),
                        folder == null ? null : folder.simulatorState(backend));
                parts.simulators.put(backend, running);
                // the demo connections name their key "env:…": the functions read it like any environment variable
                System.setProperty(simulatorKeyVariable(backend), running.credential());
            }
            if (folder != null && folder.seededAt().isPresent()) {
                // a restart: the catalog is what the folder kept (staff's changes included), not the seed again
                parts.seededProducts.addAll(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).listProducts());
                parts.warnings.addAll(repointConnections(aws, folder.lastSimulatorUrls(), parts.simulators));
            } else if (settings.seedFile() != null) {
                parts.seededProducts.addAll(seed(aws, settings.seedFile(), parts.simulators));
                parts.seededThisStart = true;
                if (folder != null) {
                    folder.recordSeeded(java.time.Instant.now());
                }
            }
            if (folder != null) {
                Map<String, String> urls = new LinkedHashMap<>();
                parts.simulators.forEach((backend, simulator) -> urls.put(backend, simulator.baseUrl()));
                folder.recordSimulatorUrls(urls);
            }
            HandlerFactory handlers = parts.environment.wrap(settings.handlers());
            for (FunctionSpec spec : settings.functions()) {
                parts.functions.add(LocalFunction.start(spec, handlers, LocalAws.REGION));
            }
            parts.scheduler = new LocalScheduler(parts.functions, LocalAws.REGION, Clock.systemUTC()).start();
            // before the pollers: a mail taken just before a kill is recorded sent before its request comes back
            parts.sendEvents = new SesSendEvents(aws, parts.functions,
                    folder == null ? null : folder.sesEventCursor()).start();
            for (LocalFunction function : parts.functions) {
                if (function.spec().trigger() instanceof Trigger.Queue queue) {
                    parts.pollers.add(new SqsPoller(function, aws.sqs(), aws.queueUrl(queue.queue()), LocalAws.REGION)
                            .duplicatingDeliveries(settings.duplicateDeliveries()).start());
                }
            }
            parts.gateway = LocalGateway.start(settings.port(), parts.functions,
                    LaptopHelpers.of(aws, parts.scheduler, parts.functions, parts.simulators),
                    folder == null ? LocalJwt.newKeyPair() : SigningKeyFile.readOrCreate(folder.jwtSigningKey()));
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

    /**
     * A simulator that moved (its port changed since the data folder's last start): stored connections that pointed
     * at its old URL point at the new one. Answers a line per connection moved, for the banner.
     */
    private static List<String> repointConnections(LocalAws aws, Map<String, String> lastUrls,
                                                   Map<String, BackendSimulator> simulators) {
        List<String> moved = new ArrayList<>();
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        for (Map.Entry<String, BackendSimulator> simulator : simulators.entrySet()) {
            String before = lastUrls.get(simulator.getKey());
            String now = simulator.getValue().baseUrl();
            if (before == null || before.equals(now)) {
                continue;
            }
            for (io.hostwright.domain.catalog.Connection c : connections.listConnections()) {
                if (c.backend().equals(simulator.getKey()) && before.equals(c.baseUrl())) {
                    connections.saveConnection(new io.hostwright.domain.catalog.Connection(c.connectionId(),
                            c.backend(), c.name(), now, c.secretRef(), c.department(), c.settings()));
                    moved.add("connection " + c.connectionId() + " followed the " + simulator.getKey()
                            + " simulator from " + before + " to " + now);
                }
            }
        }
        return moved;
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
            throw new IllegalStateException(LocalGateway.HOST + ":" + port + " (the HTTP API's port) is in use; stop what "
                    + "listens there, or start with --port <another> (or set " + PORT_VARIABLE + ")", e);
        }
    }

    /** A simulator's fixed port taken: said before anything starts, naming the variable that moves it. */
    private static void requireFreeSimulatorPorts(Settings settings) {
        for (String backend : settings.simulators().keySet()) {
            int port = settings.simulatorPort(backend);
            if (port == 0) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LocalGateway.HOST))) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException(LocalGateway.HOST + ":" + port + " (the " + backend
                        + " simulator's port) is in use; stop what listens there or set "
                        + simulatorPortVariable(backend) + " to another port", e);
            }
        }
    }

    /** {@code HOSTWRIGHT_SIMULATOR_<BACK-END>_PORT}: moves that back-end's simulator on the laptop. */
    public static String simulatorPortVariable(String backend) {
        return "HOSTWRIGHT_SIMULATOR_" + backend.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    private static void claimJvm() {
        if (!ONE_PER_JVM.compareAndSet(false, true)) {
            throw new IllegalStateException("a laptop runtime already runs in this JVM; function environments are "
                    + "system properties, so close it first");
        }
    }

    static int portFromEnvironment(String variable, int otherwise) {
        String configured = System.getenv(variable);
        if (configured == null || configured.isBlank()) {
            return otherwise;
        }
        try {
            int port = Integer.parseInt(configured.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number (1-65535, or 0 for any free port), not \""
                    + configured + "\"");
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

    /**
     * The catalog's products at start: the seed's when it was loaded now (in memory, or into a new data folder),
     * else what the data folder kept.
     */
    public List<Product> seededProducts() {
        return seededProducts;
    }

    /** Where data is kept across restarts; empty when everything is in memory. */
    public Optional<Path> dataFolder() {
        return Optional.ofNullable(dataFolder).map(DataFolder::root);
    }

    /** Whether the demo seed was loaded by this start (in memory, or a new data folder) rather than kept. */
    public boolean seededThisStart() {
        return seededThisStart;
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
     * {@code java -jar infrastructure/local/target/hostwright-local.jar [options]}: starts everything on the data
     * folder, prints where it listens and the demo flow, and stops every child process on Ctrl-C. {@code --help}
     * lists the options; an unknown one is refused with exit code {@value LaptopOptions#USAGE_EXIT_CODE}.
     */
    public static void main(String[] args) {
        LaptopOptions options;
        try {
            options = LaptopOptions.parse(List.of(args), System.getenv(),
                    () -> LocalAws.repositoryRoot().resolve(DataFolder.DEFAULT_RELATIVE));
        } catch (LaptopOptions.UsageException e) {
            System.err.println("hostwright-local: " + e.getMessage());
            System.exit(LaptopOptions.USAGE_EXIT_CODE);
            return;
        } catch (RuntimeException e) {
            System.err.println("hostwright-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.help()) {
            System.out.print(LaptopOptions.usage());
            return;
        }
        LaptopLogging.configure(options.verbose());
        // the first start installs the Node tools: say so rather than sit silent for a minute
        LocalAws.onProgress(Console::info);
        LocalRuntime runtime;
        try {
            Console.info("starting Hostwright on this laptop, "
                    + (options.inMemory() ? "in memory (nothing is kept)" : "data in " + options.dataDir()
                    + (options.fresh() ? " (emptied first: --fresh)" : "")) + "…");
            runtime = start(Settings.laptop(options));
        } catch (RuntimeException e) {
            Console.error("Hostwright did not start: " + e.getMessage()
                    + (options.verbose() ? "" : " (--verbose shows where)"), options.verbose() ? e : null);
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
                Console.info("stopped" + runtime.dataFolder().map(f -> "; the data stays in " + f).orElse(""));
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
        SesSendEvents sendEvents;
        LocalGateway gateway;
        final List<String> warnings = new ArrayList<>();
        DataFolder dataFolder;
        boolean seededThisStart;

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
            sendEvents = running.sendEvents;
            gateway = running.gateway;
            dataFolder = running.dataFolder;
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
            if (sendEvents != null) {
                order.add(sendEvents);
            }
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
            if (dataFolder != null) {
                order.add(dataFolder);
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
