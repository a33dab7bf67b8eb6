package io.hostwright.simulator.tenantos;

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
import java.util.LinkedHashSet;
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
 * A simulated TenantOS installation on {@code 127.0.0.1}: TenantOS's paths, envelope and Bearer auth over HTTP, with
 * state that persists across calls, installs that take time, scripted faults, and a control API under
 * {@code /_simulator}. Each call runs on its own virtual thread, so a hanging call does not hold up others; the
 * state sits behind one lock.
 *
 * <pre>{@code
 * try (TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests())) {
 *     tenantOs.faults().next(2, "POST /api/servers/{id}/provisioning/startReinstallation", 503);
 *     // point the adapter at tenantOs.baseUrl() with tenantOs.apiKey() ...
 *     assertThat(tenantOs.server(101).userId()).isEqualTo(customerId);
 * }
 * }</pre>
 */
public final class TenantOsSimulator implements BackendSimulator {

    /** The back-end it plays. */
    public static final String BACKEND = "tenantos";
    /** The laptop runtime's port for it unless told otherwise. */
    public static final int DEFAULT_PORT = 3101;

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
            SimulatorConfig config = (launch.pace() == Pace.LAPTOP ? SimulatorConfig.laptop() : SimulatorConfig.forTests())
                    .withPort(launch.port());
            return TenantOsSimulator.start(config,
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

    private TenantOsSimulator(SimulatorConfig config, StateFile stateFile) throws IOException {
        this.config = config;
        this.stateFile = stateFile;
        this.world = new World(config.seed(), config.clock());
        if (stateFile != null) {
            world.keepIn(stateFile);
        }
        this.settings = new AtomicReference<>(config.settings());
        Router<Endpoint> api = new Router<>();
        new ServerEndpoints(world).register(api);
        new UserEndpoints(world).register(api);
        new IpEndpoints(world).register(api);
        new ProvisioningEndpoints(world, settings::get).register(api);
        new PowerEndpoints(world).register(api);
        new StatsEndpoints(world).register(api);
        new NetworkEndpoints(world).register(api);
        ApiDispatcher dispatcher = new ApiDispatcher(api, config.apiKey(), faults, calls, settings::get,
                new Random(config.randomSeed()), config.clock());
        ControlEndpoints control = new ControlEndpoints(this);
        TokenLogin tokenLogin = new TokenLogin(world);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        http.setExecutor(executor);
        http.createContext("/", exchange -> serve(exchange, dispatcher, control, tokenLogin));
        http.start();
    }

    public static TenantOsSimulator start(SimulatorConfig config) {
        return start(config, null);
    }

    /**
     * Starts with the state kept in {@code stateFile} (the seed when it holds none yet), writing every change there
     * before the call that made it is answered; null keeps the state in memory only.
     */
    public static TenantOsSimulator start(SimulatorConfig config, StateFile stateFile) {
        try {
            return new TenantOsSimulator(config, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the TenantOS simulator on port " + config.port(), e);
        }
    }

    /** The demo seed at laptop pace on a free port. */
    public static TenantOsSimulator start() {
        return start(SimulatorConfig.laptop());
    }

    private static void serve(HttpExchange exchange, ApiDispatcher api, ControlEndpoints control,
                              TokenLogin tokenLogin) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_simulator/")) {
                control.handle(exchange);
            } else if (path.startsWith(TokenLogin.PREFIX)) {
                tokenLogin.handle(exchange);
            } else {
                api.handle(exchange);
            }
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash: what a TenantOS connection's base URL is set to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String apiKey() {
        return config.apiKey();
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Optional<java.nio.file.Path> stateFile() {
        return Optional.ofNullable(stateFile).map(StateFile::path);
    }

    /** TenantOS connections keep the bearer API key itself. */
    @Override
    public String credential() {
        return apiKey();
    }

    /** @throws NoSuchElementException when there is no such server */
    public SimulatedServer server(long id) {
        return world.locked(() -> SimulatedServer.of(existingServer(id), world.now()));
    }

    public List<SimulatedServer> servers() {
        return world.locked(() -> world.servers.values().stream()
                .map(s -> SimulatedServer.of(s, world.now()))
                .toList());
    }

    public List<SimulatedUser> users() {
        return world.locked(() -> world.users.values().stream().map(SimulatedUser::of).toList());
    }

    public Optional<SimulatedUser> userByEmail(String email) {
        return users().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    /** The root password the last install was started with; empty when none was given or the disk was wiped. */
    public Optional<String> rootPasswordOf(long serverId) {
        return world.locked(() -> Optional.ofNullable(world.servers.get(serverId)).map(s -> s.rootPassword));
    }

    /** The root password the running rescue system was started with; empty when none runs. */
    public Optional<String> rescuePasswordOf(long serverId) {
        return world.locked(() -> Optional.ofNullable(world.servers.get(serverId)).map(s -> s.rescuePassword));
    }

    /**
     * Staff give a server to another account by hand in TenantOS's UI (no API call is logged): {@code userId} must
     * be a user, or null for nobody. Traffic follows the new owner.
     *
     * @throws NoSuchElementException   when there is no such server
     * @throws IllegalArgumentException when there is no such user
     */
    public void reassign(long serverId, Long userId) {
        world.locked(() -> {
            ServerState server = existingServer(serverId);
            if (userId != null && !world.users.containsKey(userId)) {
                throw new IllegalArgumentException("No user " + userId);
            }
            world.setOwner(server, userId);
        });
    }

    /**
     * What the server's power provider supports from now on, some of {@code setPowerOn}, {@code setPowerOff},
     * {@code setPowerReset}: e.g. without {@code setPowerReset}, a reset answers 422.
     */
    public void setPowerFeatures(long serverId, List<String> features) {
        for (String feature : features) {
            if (!Seed.POWER_FEATURES.contains(feature)) {
                throw new IllegalArgumentException("Unknown power feature " + feature + ", expected some of "
                        + Seed.POWER_FEATURES);
            }
        }
        List<String> copy = List.copyOf(new LinkedHashSet<>(features));
        world.locked(() -> {
            existingServer(serverId).powerFeatures = copy;
        });
    }

    /** Whether TenantOS can set this port up/down (its switch allows it); unmanageable ports answer 422. */
    public void setPortManageable(long serverId, long portId, boolean manageable) {
        world.locked(() -> {
            existingPort(serverId, portId).manageable = manageable;
        });
    }

    /** Staff set a port up or down at the switch (no API call logged); traffic follows. */
    public void setPortEnabled(long serverId, long portId, boolean enabled) {
        world.locked(() -> {
            existingPort(serverId, portId).enabled = enabled;
            world.trafficMayHaveChanged(existingServer(serverId));
        });
    }

    /** Its rate, whether traffic flows and what its switch counter reads now. */
    public SimulatedTraffic traffic(long serverId) {
        return world.locked(() -> SimulatedTraffic.of(existingServer(serverId), world.now()));
    }

    /**
     * How fast the server moves bytes while its traffic flows, from the clock's now on (0 to {@link TrafficRate#MAX}
     * each way): intervals before keep what the earlier rate made, the interval holding now gets both, each for
     * its milliseconds. Until {@link #reset} back to the seed, which restores the seed's rate.
     */
    public void setTrafficRate(long serverId, long bytesInPerSecond, long bytesOutPerSecond) {
        setTrafficRate(serverId, new TrafficRate(bytesInPerSecond, bytesOutPerSecond));
    }

    public void setTrafficRate(long serverId, TrafficRate rate) {
        Objects.requireNonNull(rate, "rate");
        world.locked(() -> {
            existingServer(serverId).traffic.rate(rate, world.now());
        });
    }

    /**
     * {@code bytesIn} and {@code bytesOut} counted at once at the clock's now, whether or not traffic flows (a test
     * instrument: the switch saw them, whatever the server's state): they land in the interval holding now, and show
     * in any window {@code [from, to)} that holds now — so not in one that ends at now; move the clock on or ask up
     * to a later {@code to}. Each 0 to {@link NetworkTraffic#MAX_BURST_BYTES}.
     */
    public void addTrafficBurst(long serverId, long bytesIn, long bytesOut) {
        checkBurst(bytesIn, "bytesIn");
        checkBurst(bytesOut, "bytesOut");
        world.locked(() -> {
            existingServer(serverId).traffic.burst(new TrafficBytes(bytesIn, bytesOut), world.now());
        });
    }

    private static void checkBurst(long bytes, String field) {
        if (bytes < 0 || bytes > NetworkTraffic.MAX_BURST_BYTES) {
            throw new IllegalArgumentException("The " + field + " must be between 0 and "
                    + NetworkTraffic.MAX_BURST_BYTES + ", got " + bytes + ".");
        }
    }

    /**
     * The server's switch port counter starts again from 0 at the clock's now, as after a switch reboot: TenantOS
     * stores "reading now − reading before", so the interval holding now reports everything the counter had counted
     * (since the simulator's start, its {@link #reset} or the counter reset before, bursts included) less — often a
     * negative figure. Intervals after it report as usual. Answers what was dropped.
     */
    public CounterReset resetTrafficCounter(long serverId) {
        return world.locked(() -> {
            Instant now = world.now();
            TrafficBytes dropped = existingServer(serverId).traffic.reset(now);
            return new CounterReset(serverId, now, dropped.bytesIn(), dropped.bytesOut());
        });
    }

    /** Every client-area login token issued since the start (or reset), oldest first. */
    public List<SsoToken> ssoTokens() {
        return world.locked(() -> world.ssoTokens.values().stream().map(SsoToken::of).toList());
    }

    private ServerState existingServer(long serverId) {
        ServerState server = world.servers.get(serverId);
        if (server == null) {
            throw new NoSuchElementException("No server " + serverId);
        }
        return server;
    }

    private ServerState.PortState existingPort(long serverId, long portId) {
        return existingServer(serverId).ports.stream().filter(p -> p.id == portId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Server " + serverId + " has no port " + portId));
    }

    /** What {@code getAssignableIpsOfSubnet} would answer now. */
    public List<String> freeIps(long subnetId) {
        return world.locked(() -> {
            SubnetState subnet = world.subnets.get(subnetId);
            if (subnet == null) {
                throw new NoSuchElementException("No subnet " + subnetId);
            }
            return world.freeIps(subnet);
        });
    }

    /** The API calls answered so far (oldest first, at most the last 10 000). */
    public List<Call> calls() {
        return calls.all();
    }

    /** Calls matching {@code "METHOD /api/template"} or {@code "/api/template"}, see {@link Faults}. */
    public long callCount(String match) {
        return calls.count(match);
    }

    /**
     * Calls matching {@code match} that reached the simulator, counted as they arrive (unauthenticated ones too):
     * unlike {@link #callCount}, a call still held by a delay fault counts already, so a test can tell whether a
     * client that timed out tried again.
     */
    public long receivedCount(String match) {
        return calls.arrivals(match);
    }

    public void clearCalls() {
        calls.clear();
    }

    public Faults faults() {
        return faults;
    }

    public Settings settings() {
        return settings.get();
    }

    public void settings(Settings newSettings) {
        settings.set(newSettings);
    }

    public void updateSettings(UnaryOperator<Settings> change) {
        settings.updateAndGet(change);
    }

    /** Applies to installs started from now on. */
    public void setInstallDuration(Duration duration) {
        updateSettings(s -> s.withInstallDuration(duration));
    }

    public void setWipeDuration(Duration duration) {
        updateSettings(s -> s.withWipeDuration(duration));
    }

    /**
     * After each install or wipe started from now on, the next {@code reads} {@code getInstallStatus} reads of its
     * server, while it runs, answer the status of the job before it (e.g. a wipe's "finished", 100 %), as TenantOS
     * may right after a start; 0 turns it off.
     */
    public void setStaleStatusReads(int reads) {
        updateSettings(s -> s.withStaleStatusReads(reads));
    }

    public void setLatency(Duration latency) {
        updateSettings(s -> s.withLatency(latency));
    }

    /** A fraction of calls answers 503 at once. */
    public void setErrorRate(double rate) {
        setErrorRate(rate, Settings.ErrorMode.STATUS_503);
    }

    public void setErrorRate(double rate, Settings.ErrorMode mode) {
        updateSettings(s -> s.withErrorRate(rate, mode));
    }

    /** Adds or replaces a provisioning profile, offered to every server. */
    public void addProfile(Seed.Profile profile) {
        world.locked(() -> {
            world.profiles.put(profile.id(), profile);
        });
    }

    /**
     * Staff renamed the profile in TenantOS: same id, tags and kind, new name (the OS template's display name
     * changed upstream).
     *
     * @throws NoSuchElementException when there is no such profile
     */
    public void renameProfile(long profileId, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        world.locked(() -> {
            Seed.Profile profile = world.profiles.get(profileId);
            if (profile == null) {
                throw new NoSuchElementException("No profile " + profileId);
            }
            world.profiles.put(profileId, new Seed.Profile(profileId, name, profile.tags(), profile.wipe()));
        });
    }

    /** "The OS template vanished upstream": installs of it now answer 404 Profile not found. */
    public void removeProfile(long profileId) {
        world.locked(() -> {
            world.profiles.remove(profileId);
        });
    }

    /** Every provisioning profile, in the order {@code GET /api/pxe/profiles} lists them. */
    public List<Seed.Profile> profiles() {
        return world.locked(() -> List.copyOf(world.profiles.values()));
    }

    /**
     * Back to the seed: servers, users, IPs, profiles, SSO tokens (also in the state file, when it keeps one);
     * faults and the call log emptied. Settings stay.
     */
    public void reset() {
        world.load(config.seed());
        faults.clear();
        calls.clear();
    }

    Map<String, Object> stateView() {
        Map<String, Object> state = Json.obj("baseUrl", baseUrl(), "servers", servers(), "users", users());
        state.putAll(world.locked(() -> Json.obj(
                "subnets", world.subnets.values().stream().map(s -> Json.obj("id", s.id, "cidr", s.cidr,
                        "gateway", s.gateway, "type", s.type, "freeIps", world.freeIps(s))).toList(),
                "profiles", List.copyOf(world.profiles.values()),
                "os", List.copyOf(world.os),
                "roles", List.copyOf(world.roles.values()))));
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
