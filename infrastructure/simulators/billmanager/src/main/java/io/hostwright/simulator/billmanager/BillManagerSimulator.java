package io.hostwright.simulator.billmanager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hostwright.simulators.BackendSimulator;
import io.hostwright.simulators.SimulatorLauncher;
import io.hostwright.simulators.StateFile;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.CallLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated licence BILLmanager (the ISPsystem licence server's {@code func=} API) on {@code 127.0.0.1}: session
 * and {@code authinfo} auth, ordering, renewing, editing, re-keying, suspending and listing software licences against
 * a balance, with licences that expire, get suspended and disappear on the simulator clock, scripted faults and a
 * control API under {@code /_simulator}. Each call runs on its own virtual thread; the state sits behind one lock.
 *
 * <pre>{@code
 * try (BillManagerSimulator bm = BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock))) {
 *     bm.setBalance(new BigDecimal("5.00"));
 *     // point the adapter at bm.baseUrl() + "/billmgr" with bm.credential() ...
 *     assertThat(bm.licences()).noneMatch(l -> l.ip().equals("203.0.113.7"));
 * }
 * }</pre>
 */
public final class BillManagerSimulator implements BackendSimulator {

    /** The back-end it plays. */
    public static final String BACKEND = "billmanager-licences";

    /** How the laptop runtime starts it: the demo seed on a free port (the pace changes nothing here). */
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
            return BillManagerSimulator.start(config,
                    launch.stateFile() == null ? null : StateFile.at(launch.stateFile()));
        }
    };

    /** The laptop runtime's port for it unless told otherwise. */
    public static final int DEFAULT_PORT = 3103;

    private final SimulatorConfig config;
    private final StateFile stateFile;
    private final World world;
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private final AtomicReference<Settings> settings;
    private final HttpServer http;
    private final ExecutorService executor;

    private BillManagerSimulator(SimulatorConfig config, StateFile stateFile) throws IOException {
        this.config = config;
        this.stateFile = stateFile;
        this.settings = new AtomicReference<>(config.settings());
        this.world = new World(config.seed(), config.clock(), settings::get, config.randomSeed());
        if (stateFile != null) {
            world.keepIn(stateFile);
        }
        ApiDispatcher dispatcher = new ApiDispatcher(new Funcs(world), world, faults, calls, settings::get,
                new Random(config.randomSeed()), config.clock());
        ControlEndpoints control = new ControlEndpoints(this);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        http.setExecutor(executor);
        http.createContext("/", exchange -> serve(exchange, dispatcher, control));
        http.start();
    }

    public static BillManagerSimulator start(SimulatorConfig config) {
        return start(config, null);
    }

    /**
     * Starts with the state kept in {@code stateFile} (the seed when it holds none yet), writing every change there
     * before the call that made it is answered; null keeps the state in memory only.
     */
    public static BillManagerSimulator start(SimulatorConfig config, StateFile stateFile) {
        try {
            return new BillManagerSimulator(config, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the BILLmanager simulator on port " + config.port(), e);
        }
    }

    /** The demo seed on a free port. */
    public static BillManagerSimulator start() {
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

    /** {@code http://127.0.0.1:<port>}, no trailing slash; the API is at {@code baseUrl() + "/billmgr"}. */
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
    public java.util.Optional<java.nio.file.Path> stateFile() {
        return java.util.Optional.ofNullable(stateFile).map(StateFile::path);
    }

    /** {@code <user>:<password>} of the seed's reseller (split at the first colon), as {@code authinfo} takes it. */
    @Override
    public String credential() {
        return config.seed().user() + ":" + config.seed().password();
    }

    // --- state ---------------------------------------------------------------------------------------------------

    /** Every licence there is (deleted ones are gone), by id. */
    public List<SimulatedLicence> licences() {
        return world.locked(() -> world.licences.values().stream().map(World.LicenceState::view).toList());
    }

    /** @throws NoSuchElementException when there is no such licence (never made, or deleted) */
    public SimulatedLicence licence(long id) {
        return world.locked(() -> world.existing(id).view());
    }

    /** The licences waiting in the pool now, as {@link SimulatedLicence#free} says. */
    public List<SimulatedLicence> freeLicences() {
        return world.locked(() -> world.licences.values().stream().map(World.LicenceState::view)
                .filter(l -> l.free(world.now())).toList());
    }

    public List<Seed.Pricelist> pricelists() {
        return world.locked(() -> List.copyOf(world.pricelists.values()));
    }

    /**
     * Puts a licence straight in (no charge), as if ordered earlier; answers it with its id and key.
     *
     * @throws IllegalArgumentException for an unknown pricelist
     */
    public SimulatedLicence addLicence(NewLicence licence) {
        Objects.requireNonNull(licence, "licence");
        long id = world.locked(() -> {
            if (!world.pricelists.containsKey(licence.pricelist())) {
                throw new IllegalArgumentException("No pricelist " + licence.pricelist());
            }
            Instant now = world.now();
            return world.add(licence.name(), licence.ip(), licence.pricelist(), licence.period(),
                    licence.expiresAt(), Objects.requireNonNullElse(licence.lastIpChange(), now),
                    Objects.requireNonNullElse(licence.lastKeyChange(), now), now).id;
        });
        // the next locked access brings it up to the clock: suspended when expired, gone when over 30 days ago
        return world.locked(() -> {
            World.LicenceState added = world.licences.get(id);
            if (added == null) {
                throw new IllegalArgumentException("Licence " + id + " expired more than 30 days ago: deleted at once");
            }
            return added.view();
        });
    }

    /**
     * Makes time pass for one licence's last changes, and only for them: its last IP change and last key change move
     * {@code by} into the past, as if they had happened that much earlier. Everything else — the clock, its expiry,
     * other licences — stays. A licence given back to the pool at {@code 0.0.0.0} just now is thus reusable once
     * {@code by} exceeds the pool's month (a walkthrough need not wait 30 days).
     *
     * @param by positive
     * @return the licence as it is now
     * @throws NoSuchElementException when there is no such licence
     * @throws IllegalArgumentException when {@code by} is not positive
     */
    public SimulatedLicence ageChanges(long id, Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("Changes can only be aged by a positive duration, not " + by);
        }
        return world.locked(() -> world.ageChanges(id, by).view());
    }

    public BigDecimal balance() {
        return world.locked(() -> world.balance);
    }

    /** The balance orders and renewals are paid from: 0 or more, at most two decimals. */
    public void setBalance(BigDecimal amount) {
        BigDecimal checked = Seed.money(amount, "balance");
        world.locked(() -> {
            world.balance = checked;
        });
    }

    // --- scripting -----------------------------------------------------------------------------------------------

    public Faults faults() {
        return faults;
    }

    /** Every {@code auth} session issued so far stops working now, whatever the clock says. */
    public void expireSessions() {
        world.locked(world.sessions::clear);
    }

    /** How many sessions {@code func=auth} has issued since the start (or reset). */
    public long sessionIssues() {
        return world.locked(() -> world.sessionIssues);
    }

    // --- calls and settings --------------------------------------------------------------------------------------

    /** The API calls answered so far (oldest first, at most the last 10 000), each as {@code /billmgr/<func>}. */
    public List<Call> calls() {
        return calls.all();
    }

    /** Calls matching {@code "METHOD /billmgr/<func>"} or {@code "/billmgr/<func>"}, see {@link Faults}. */
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

    /** Back to the seed: balance, licences (times relative to now), sessions and their count, ids; faults and the
     * call log emptied. Settings stay. */
    public void reset() {
        world.reset();
        faults.clear();
        calls.clear();
    }

    Map<String, Object> stateView() {
        Map<String, Object> state = Json.obj("baseUrl", baseUrl(), "credential", credential());
        state.putAll(world.locked(() -> Json.obj(
                "now", world.now().toString(),
                "balance", world.balance.toPlainString(),
                "pricelists", world.pricelists.values().stream().map(p -> Json.obj("id", p.id(), "name", p.name(),
                        "pricePerMonth", p.pricePerMonth().toPlainString(),
                        "periods", p.periods().stream().sorted().toList())).toList(),
                "licences", world.licences.values().stream().map(World.LicenceState::view).toList(),
                "sessions", world.sessions.size(),
                "sessionIssues", world.sessionIssues)));
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
