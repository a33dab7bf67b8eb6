package io.hostwright.simulator.tenantos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
public final class TenantOsSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final World world;
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private final AtomicReference<Settings> settings;
    private final HttpServer http;
    private final ExecutorService executor;

    private TenantOsSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.world = new World(config.seed(), config.clock());
        this.settings = new AtomicReference<>(config.settings());
        Router api = new Router();
        new ServerEndpoints(world).register(api);
        new UserEndpoints(world).register(api);
        new IpEndpoints(world).register(api);
        new ProvisioningEndpoints(world, settings::get).register(api);
        new PowerEndpoints(world).register(api);
        new StatsEndpoints(world).register(api);
        ApiDispatcher dispatcher = new ApiDispatcher(api, config.apiKey(), faults, calls, settings::get,
                new Random(config.randomSeed()), config.clock());
        ControlEndpoints control = new ControlEndpoints(this);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        http.setExecutor(executor);
        http.createContext("/", exchange -> serve(exchange, dispatcher, control));
        http.start();
    }

    public static TenantOsSimulator start(SimulatorConfig config) {
        try {
            return new TenantOsSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the TenantOS simulator on port " + config.port(), e);
        }
    }

    /** The demo seed at laptop pace on a free port. */
    public static TenantOsSimulator start() {
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

    /** @throws NoSuchElementException when there is no such server */
    public SimulatedServer server(long id) {
        return world.locked(() -> {
            ServerState server = world.servers.get(id);
            if (server == null) {
                throw new NoSuchElementException("No server " + id);
            }
            return SimulatedServer.of(server, world.now());
        });
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

    /** "The OS template vanished upstream": installs of it now answer 404 Profile not found. */
    public void removeProfile(long profileId) {
        world.locked(() -> {
            world.profiles.remove(profileId);
        });
    }

    /** Back to the seed: servers, users, IPs, profiles; faults and the call log emptied. Settings stay. */
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
