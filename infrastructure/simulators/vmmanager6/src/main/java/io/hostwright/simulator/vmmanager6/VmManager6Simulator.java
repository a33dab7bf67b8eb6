package io.hostwright.simulator.vmmanager6;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.hostwright.simulators.BackendSimulator;
import io.hostwright.simulators.SimulatorLauncher;
import io.hostwright.simulators.StateFile;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.CallLog;
import io.hostwright.simulators.http.Router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A simulated ISPsystem VMmanager 6 on {@code 127.0.0.1}: its auth service, error object, filter language and
 * asynchronous tasks over HTTP, with state that persists across calls, tasks that take time on the simulator clock,
 * scripted faults and task failures, a sleeping instance, and a control API under {@code /_simulator}. Each call
 * runs on its own virtual thread; the state sits behind one lock.
 *
 * <pre>{@code
 * try (VmManager6Simulator vm6 = VmManager6Simulator.start(SimulatorConfig.forTests())) {
 *     vm6.failNextTasks("host_create", 1, "No space left on node");
 *     // point the adapter at vm6.baseUrl() with vm6.credential() ...
 *     assertThat(vm6.hosts()).singleElement().extracting(SimulatedHost::state).isEqualTo("failed");
 * }
 * }</pre>
 */
public final class VmManager6Simulator implements BackendSimulator {

    /** The back-end it plays. */
    public static final String BACKEND = "vmmanager6";

    /** The laptop runtime's port for it unless told otherwise. */
    public static final int DEFAULT_PORT = 3102;

    /** How the laptop runtime starts it: the demo seed (or the state it kept), at laptop or test pace. */
    public static final SimulatorLauncher LAUNCHER = new SimulatorLauncher() {
        @Override
        public String backend() {
            return BACKEND;
        }

        @Override
        public int defaultPort() {
            return DEFAULT_PORT;
        }

        @Override
        public BackendSimulator start(Launch launch) {
            SimulatorConfig config = (launch.pace() == Pace.LAPTOP ? SimulatorConfig.laptop()
                    : SimulatorConfig.forTests()).withPort(launch.port());
            return VmManager6Simulator.start(config,
                    launch.stateFile() == null ? null : StateFile.at(launch.stateFile()));
        }
    };

    private final SimulatorConfig config;
    private final StateFile stateFile;
    private final World world;
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private final AtomicReference<Settings> settings;
    private final HttpServer http;
    private final ExecutorService executor;

    private VmManager6Simulator(SimulatorConfig config, StateFile stateFile) throws IOException {
        this.config = config;
        this.stateFile = stateFile;
        this.settings = new AtomicReference<>(config.settings());
        this.world = new World(config.seed(), config.clock(), settings::get);
        if (stateFile != null) {
            world.keepIn(stateFile);
        }
        Router<Endpoint> api = new Router<>();
        new AuthEndpoints(world).register(api);
        new AccountEndpoints(world).register(api);
        new HostEndpoints(world).register(api);
        new IpEndpoints(world).register(api);
        new MetricsEndpoints(world).register(api);
        new CatalogEndpoints(world).register(api);
        ApiDispatcher dispatcher = new ApiDispatcher(api, world, faults, calls, settings::get,
                new Random(config.randomSeed()), config.clock());
        ControlEndpoints control = new ControlEndpoints(this);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        http.setExecutor(executor);
        http.createContext("/", exchange -> serve(exchange, dispatcher, control));
        http.start();
    }

    public static VmManager6Simulator start(SimulatorConfig config) {
        return start(config, null);
    }

    /**
     * Starts with the state kept in {@code stateFile} (the seed when it holds none yet), writing every change there
     * before the call that made it is answered; null keeps the state in memory only.
     */
    public static VmManager6Simulator start(SimulatorConfig config, StateFile stateFile) {
        try {
            return new VmManager6Simulator(config, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the VMmanager 6 simulator on port " + config.port(), e);
        }
    }

    /** The demo seed at laptop pace on a free port. */
    public static VmManager6Simulator start() {
        return start(SimulatorConfig.laptop());
    }

    private static void serve(HttpExchange exchange, ApiDispatcher api, ControlEndpoints control) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith("/_simulator/")) {
                control.handle(exchange);
            } else {
                api.handle(exchange);
            }
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Optional<java.nio.file.Path> stateFile() {
        return Optional.ofNullable(stateFile).map(StateFile::path);
    }

    /**
     * {@code <email>:<password>} of the seed's first {@code @admin} account (split at the first colon), the form a
     * VMmanager 6 connection keeps its secret in: {@code admin@vm6.local:vm6-admin-password} for the demo seed.
     */
    @Override
    public String credential() {
        Seed.Account admin = config.seed().accounts().stream().filter(a -> a.role().equals("@admin")).findFirst()
                .orElseThrow(() -> new IllegalStateException("The seed has no @admin account"));
        return admin.email() + ":" + admin.password();
    }

    // --- state ---------------------------------------------------------------------------------------------------

    /** @throws NoSuchElementException when there is no such host (never made, or deleted) */
    public SimulatedHost host(long id) {
        return world.locked(() -> SimulatedHost.of(existingHost(id)));
    }

    /** Every host, by id. */
    public List<SimulatedHost> hosts() {
        return world.locked(() -> world.hosts.values().stream().map(SimulatedHost::of).toList());
    }

    /** The root password the host was made with or last set to (by a completed reinstall or password task). */
    public Optional<String> passwordOf(long hostId) {
        return world.locked(() -> Optional.ofNullable(world.hosts.get(hostId)).map(h -> h.password));
    }

    public List<SimulatedAccount> accounts() {
        return world.locked(() -> world.accounts.values().stream().map(SimulatedAccount::of).toList());
    }

    public Optional<SimulatedAccount> accountByEmail(String email) {
        return accounts().stream().filter(a -> a.email().equalsIgnoreCase(email)).findFirst();
    }

    /** Every task since the start (or reset), oldest first, those of deleted hosts too. */
    public List<SimulatedTask> tasks() {
        return world.locked(() -> world.tasks.values().stream().map(SimulatedTask::of).toList());
    }

    public List<SimulatedPool> pools() {
        return world.locked(() -> world.pools.values().stream().map(SimulatedPool::of).toList());
    }

    public SimulatedPool pool(long poolId) {
        return world.locked(() -> SimulatedPool.of(existingPool(poolId)));
    }

    // --- scripting -----------------------------------------------------------------------------------------------

    public Faults faults() {
        return faults;
    }

    /**
     * The next {@code times} tasks named {@code name} (see {@link TaskNames}) run their time and then fail with
     * {@code message} as their {@code output}: a failed create leaves the host {@code failed}, any other task the
     * host as it was before.
     */
    public void failNextTasks(String name, int times, String message) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        Objects.requireNonNull(message, "message");
        world.locked(() -> world.failNextTasks(name, times, message));
    }

    /** Scripted task failures not used up yet, by task name. */
    public Map<String, Integer> pendingTaskFailures() {
        return world.locked(world::scriptedFailures);
    }

    /**
     * The instance sleeps for {@code duration} of the simulator clock from now: every API call answers 503 with an
     * empty body until then (the control API does not sleep). Zero wakes it.
     */
    public void sleepFor(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        world.sleepFor(duration);
    }

    public void wake() {
        world.sleepFor(Duration.ZERO);
    }

    /** Until when it sleeps; empty when awake. */
    public Optional<Instant> asleepUntil() {
        return Optional.ofNullable(world.asleepUntil());
    }

    /** How many auth tokens {@code POST /auth/v4/public/token} has issued since the start (or reset). */
    public long tokenIssues() {
        return world.locked(() -> world.tokenIssues);
    }

    /** Every token issued so far stops working now (401 / 1000 "Session expired"), whatever the clock says. */
    public void expireTokens() {
        world.locked(world.tokens::clear);
    }

    /**
     * How fast the host moves bytes while it is powered on, from the clock's now on (0 to {@link TrafficRate#MAX}
     * each way): steps before keep what the earlier rate made, the step holding now gets both, each for its
     * milliseconds. Until the host is deleted or the simulator {@link #reset}.
     */
    public void setTrafficRate(long hostId, long bytesInPerSecond, long bytesOutPerSecond) {
        TrafficRate rate = new TrafficRate(bytesInPerSecond, bytesOutPerSecond);
        world.locked(() -> existingHost(hostId).traffic.rate(rate, world.now()));
    }

    public TrafficRate trafficRate(long hostId) {
        return world.locked(() -> existingHost(hostId).traffic.rate());
    }

    /**
     * {@code bytesIn} received and {@code bytesOut} sent at once at the clock's now, powered on or not (a test
     * instrument): they land in the step holding now. Each 0 to 10^15.
     */
    public void addTrafficBurst(long hostId, long bytesIn, long bytesOut) {
        checkBurst(bytesIn, "bytesIn");
        checkBurst(bytesOut, "bytesOut");
        world.locked(() -> existingHost(hostId).traffic.burst(bytesIn, bytesOut, world.now()));
    }

    private static void checkBurst(long bytes, String field) {
        if (bytes < 0 || bytes > TrafficMeter.MAX_BURST_BYTES) {
            throw new IllegalArgumentException("The " + field + " must be between 0 and "
                    + TrafficMeter.MAX_BURST_BYTES + ", got " + bytes + ".");
        }
    }

    /** Someone else takes every free address of the pool: creates that need it answer 409 / 1010. */
    public void exhaustPool(long poolId) {
        world.locked(() -> existingPool(poolId).reserveAllFree());
    }

    /** Gives back what {@link #exhaustPool} took. */
    public void releasePool(long poolId) {
        world.locked(() -> existingPool(poolId).reserved.clear());
    }

    /** The pool holds {@code size} addresses from its first; addresses in use must still fit. */
    public void setPoolSize(long poolId, int size) {
        world.locked(() -> existingPool(poolId).resize(size));
    }

    /** How many hosts (in any state) the cluster holds at most; null: no limit. Beyond it creates answer 409 / 1011. */
    public void setClusterCapacity(long clusterId, Integer hosts) {
        if (hosts != null && hosts < 0) {
            throw new IllegalArgumentException("A capacity must be 0 or more, got " + hosts);
        }
        world.locked(() -> {
            ClusterState cluster = world.clusters.get(clusterId);
            if (cluster == null) {
                throw new NoSuchElementException("No cluster " + clusterId);
            }
            cluster.capacity = hosts;
        });
    }

    // --- calls and settings --------------------------------------------------------------------------------------

    /** The API calls answered so far (oldest first, at most the last 10 000). */
    public List<Call> calls() {
        return calls.all();
    }

    /** Calls matching {@code "METHOD /template"} or {@code "/template"}, see {@link Faults}. */
    public long callCount(String match) {
        return calls.count(match);
    }

    /** Calls matching {@code match} counted as they arrive, before anything else (a delayed call counts already). */
    public long receivedCount(String match) {
        return calls.arrivals(match);
    }

    public void clearCalls() {
        calls.clear();
    }

    public Settings settings() {
        return settings.get();
    }

    public void settings(Settings newSettings) {
        settings.set(Objects.requireNonNull(newSettings, "settings"));
    }

    public void updateSettings(UnaryOperator<Settings> change) {
        settings.updateAndGet(change);
    }

    /** Every task started from now on takes {@code duration} (per-name durations dropped). */
    public void setTaskDuration(Duration duration) {
        updateSettings(s -> s.withTaskDuration(duration));
    }

    /** Tasks named {@code name} started from now on take {@code duration}. */
    public void setTaskDuration(String name, Duration duration) {
        updateSettings(s -> s.withTaskDuration(name, duration));
    }

    /** Tokens issued from now on last {@code ttl}. */
    public void setTokenTtl(Duration ttl) {
        updateSettings(s -> s.withTokenTtl(ttl));
    }

    public void setLatency(Duration latency) {
        updateSettings(s -> s.withLatency(latency));
    }

    public void setErrorRate(double rate) {
        updateSettings(s -> s.withErrorRate(rate));
    }

    /**
     * Back to the seed: accounts, hosts, tasks, pools, capacities, tokens (and their count), SSO keys, scripted task
     * failures, sleep; faults and the call log emptied. Settings stay.
     */
    public void reset() {
        world.load(config.seed());
        faults.clear();
        calls.clear();
    }

    private HostState existingHost(long hostId) {
        HostState host = world.hosts.get(hostId);
        if (host == null) {
            throw new NoSuchElementException("No host " + hostId);
        }
        return host;
    }

    private PoolState existingPool(long poolId) {
        PoolState pool = world.pools.get(poolId);
        if (pool == null) {
            throw new NoSuchElementException("No IP pool " + poolId);
        }
        return pool;
    }

    Map<String, Object> stateView() {
        Map<String, Object> state = Json.obj("baseUrl", baseUrl(), "asleepUntil", asleepUntil().orElse(null));
        state.putAll(world.locked(() -> Json.obj(
                "accounts", world.accounts.values().stream().map(SimulatedAccount::of).toList(),
                "hosts", world.hosts.values().stream().map(SimulatedHost::of).toList(),
                "tasks", world.tasks.values().stream().map(SimulatedTask::of).toList(),
                "pools", world.pools.values().stream().map(SimulatedPool::of).toList(),
                "clusters", world.clusters.values().stream().map(c -> Json.obj("id", c.id, "name", c.name,
                        "capacity", c.capacity, "nodes", c.nodes)).toList(),
                "os", world.os.values().stream().map(o -> Views.os(world, o)).toList(),
                "presets", List.copyOf(world.presets.values()),
                "pendingTaskFailures", world.scriptedFailures(),
                "tokenIssues", world.tokenIssues)));
        state.put("settings", ControlEndpoints.settings(settings()));
        state.put("faults", faults.pending().stream().map(ControlEndpoints::fault).toList());
        state.put("callCount", calls.all().size());
        return state;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
