package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.StateFile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the simulated BILLmanager knows, behind one lock: every read and write of the API, the control API and
 * the Java API goes through {@link #locked}, which first brings the licences up to the clock (autoprolong, then
 * suspension of the unpaid, then deletion 30 days after expiry), so no timer thread is needed.
 */
final class World {

    static final long FIRST_LICENCE_ID = 1001;
    /** An unpaid licence goes this long after its expiry. */
    static final Duration DELETE_AFTER = Duration.ofDays(30);
    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ReentrantLock lock = new ReentrantLock();
    private final Seed seed;
    private final InstantSource clock;
    private final Supplier<Settings> settings;
    private final long randomSeed;
    /** Where the state is kept across restarts; null: in memory only. */
    private StateFile stateFile;

    final Map<Long, Seed.Pricelist> pricelists = new LinkedHashMap<>();
    final Map<Long, LicenceState> licences = new TreeMap<>();
    final Map<String, Session> sessions = new HashMap<>();
    private Random random;
    BigDecimal balance;
    long nextId;
    long sessionIssues;

    static final class Session {
        final String user;
        Instant lastUsed;

        Session(String user, Instant lastUsed) {
            this.user = user;
            this.lastUsed = lastUsed;
        }
    }

    static final class LicenceState {
        final long id;
        final Instant createdAt;
        String status = SimulatedLicence.ACTIVE;
        String suspendReason;
        String name;
        String ip;
        String key;
        long pricelist;
        int period;
        Integer autoprolong;
        Instant expiresAt;
        Instant lastIpChange;
        Instant lastKeyChange;
        Instant suspendedAt;

        LicenceState(long id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        boolean unpaid() {
            return SimulatedLicence.UNPAID.equals(suspendReason);
        }

        SimulatedLicence view() {
            return new SimulatedLicence(id, status, suspendReason, name, ip, key, pricelist, period, autoprolong,
                    createdAt, expiresAt, lastIpChange, lastKeyChange, suspendedAt,
                    unpaid() ? expiresAt.plus(DELETE_AFTER) : null);
        }
    }

    World(Seed seed, InstantSource clock, Supplier<Settings> settings, long randomSeed) {
        this.seed = seed;
        this.clock = clock;
        this.settings = settings;
        this.randomSeed = randomSeed;
        reset();
    }

    Instant now() {
        return clock.instant();
    }

    /** Back to the seed: pricelists, balance, licences (times relative to now), no sessions, ids start over. */
    void reset() {
        lock.lock();
        try {
            Instant now = now();
            random = new Random(randomSeed);
            pricelists.clear();
            seed.pricelists().forEach(p -> pricelists.put(p.id(), p));
            licences.clear();
            sessions.clear();
            balance = seed.balance();
            nextId = FIRST_LICENCE_ID;
            sessionIssues = 0;
            for (Seed.Licence l : seed.licences()) {
                add(l.name(), l.ip(), l.pricelist(), l.period(), now.plus(l.expiresIn()),
                        now.minus(l.changedAgo()), now.minus(l.changedAgo()), now.minus(l.changedAgo()));
            }
            catchUp();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} alone; when the state is kept in a file, whatever it changed is written there before the
     * lock is let go (so before the call that changed it is answered).
     */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            catchUp();
            return action.get();
        } finally {
            try {
                if (lock.getHoldCount() == 1) {
                    save();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Keeps the state in {@code file} from now on: what an earlier run left there replaces the seed (and is brought
     * up to the clock); with nothing there, the seed is written. Keys and sessions made after a restart come from a
     * random sequence seeded by the state restored too, so they do not repeat the first run's.
     */
    void keepIn(StateFile file) {
        lock.lock();
        try {
            file.read().ifPresent(kept -> {
                WorldState.read(kept).applyTo(this);
                random = new Random(randomSeed ^ kept.hashCode());
            });
            stateFile = file;
            catchUp();
            save();
        } finally {
            lock.unlock();
        }
    }

    private void save() {
        if (stateFile != null) {
            stateFile.save(WorldState.write(this));
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    // --- time ----------------------------------------------------------------------------------------------------

    static Instant plusMonths(Instant t, int months) {
        return t.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** Autoprolong what can pay for itself, suspend what expired unpaid, delete what expired over 30 days ago. */
    private void catchUp() {
        Instant now = now();
        for (LicenceState l : new ArrayList<>(licences.values())) {
            if (l.expiresAt.isAfter(now)) {
                continue;
            }
            Seed.Pricelist pricelist = pricelists.get(l.pricelist);
            while (l.status.equals(SimulatedLicence.ACTIVE) && l.autoprolong != null && !l.expiresAt.isAfter(now)
                    && pricelist.periods().contains(l.autoprolong)
                    && balance.compareTo(pricelist.cost(l.autoprolong)) >= 0) {
                balance = balance.subtract(pricelist.cost(l.autoprolong));
                l.expiresAt = plusMonths(l.expiresAt, l.autoprolong);
                l.period = l.autoprolong;
            }
            if (l.expiresAt.isAfter(now)) {
                continue;
            }
            if (!l.unpaid()) {
                if (l.status.equals(SimulatedLicence.ACTIVE)) {
                    l.suspendedAt = l.expiresAt;
                }
                l.status = SimulatedLicence.SUSPENDED;
                l.suspendReason = SimulatedLicence.UNPAID;
            }
            if (!now.isBefore(l.expiresAt.plus(DELETE_AFTER))) {
                licences.remove(l.id);
            }
        }
    }

    // --- sessions ------------------------------------------------------------------------------------------------

    /** A new session for the seed's user; refuses wrong credentials. */
    String login(String user, String password) {
        checkCredentials(user, password);
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String id = java.util.HexFormat.of().formatHex(bytes);
        sessions.put(id, new Session(user, now()));
        sessionIssues++;
        return id;
    }

    private void checkCredentials(String user, String password) {
        if (!seed.user().equals(user) || !seed.password().equals(password)) {
            throw BillError.auth("Invalid username or password");
        }
    }

    /** The caller's user from {@code auth=<session>} (which it keeps alive) or {@code authinfo=user:password}. */
    String authenticate(Params params) {
        if (params.has("auth")) {
            String id = params.get("auth");
            Session session = sessions.get(id);
            Instant now = now();
            if (session == null || !now.isBefore(session.lastUsed.plus(settings.get().sessionTtl()))) {
                sessions.remove(id);
                throw BillError.auth("The session has expired or does not exist; log in again");
            }
            session.lastUsed = now;
            return session.user;
        }
        if (params.has("authinfo")) {
            String authinfo = params.get("authinfo");
            int colon = authinfo.indexOf(':');
            if (colon < 0) {
                throw BillError.auth("Invalid username or password");
            }
            checkCredentials(authinfo.substring(0, colon), authinfo.substring(colon + 1));
            return authinfo.substring(0, colon);
        }
        throw BillError.auth("Authorization required");
    }

    // --- licences ------------------------------------------------------------------------------------------------

    LicenceState add(String name, String ip, long pricelist, int period, Instant expiresAt, Instant lastIpChange,
                     Instant lastKeyChange, Instant createdAt) {
        LicenceState l = new LicenceState(nextId++, createdAt);
        l.name = name;
        l.ip = ip;
        l.key = newKey();
        l.pricelist = pricelist;
        l.period = period;
        l.expiresAt = expiresAt;
        l.lastIpChange = lastIpChange;
        l.lastKeyChange = lastKeyChange;
        licences.put(l.id, l);
        return l;
    }

    /** For the API: refuses with {@code value} / {@code elid}. */
    LicenceState licence(long id) {
        LicenceState l = licences.get(id);
        if (l == null) {
            throw BillError.value("elid", "no licence " + id);
        }
        return l;
    }

    /** For the Java and control API. */
    LicenceState existing(long id) {
        LicenceState l = licences.get(id);
        if (l == null) {
            throw new NoSuchElementException("No licence " + id);
        }
        return l;
    }

    Seed.Pricelist pricelist(String param, long id) {
        Seed.Pricelist p = pricelists.get(id);
        if (p == null) {
            throw BillError.value(param, "no pricelist " + id);
        }
        return p;
    }

    private void charge(Seed.Pricelist pricelist, int period) {
        if (!pricelist.periods().contains(period)) {
            throw BillError.value("period", "pricelist " + pricelist.id() + " is sold for "
                    + pricelist.periods().stream().sorted().toList() + " months, not " + period);
        }
        BigDecimal cost = pricelist.cost(period);
        if (balance.compareTo(cost) < 0) {
            throw new BillError(BillError.MONEY, null, "Not enough money on the balance: " + cost
                    + " needed, " + balance + " available");
        }
        balance = balance.subtract(cost);
    }

    LicenceState order(String name, String ip, long pricelistId, int period, Integer autoprolong) {
        Seed.Pricelist pricelist = pricelist("pricelist", pricelistId);
        charge(pricelist, period);
        Instant now = now();
        LicenceState l = add(name, ip, pricelistId, period, plusMonths(now, period), now, now, now);
        l.autoprolong = autoprolong;
        return l;
    }

    /** An active (or admin-suspended) licence from its expiry; an unpaid one from now, active again. */
    LicenceState prolong(long id, int period) {
        LicenceState l = licence(id);
        charge(pricelists.get(l.pricelist), period);
        if (l.unpaid()) {
            l.expiresAt = plusMonths(now(), period);
            l.status = SimulatedLicence.ACTIVE;
            l.suspendReason = null;
            l.suspendedAt = null;
        } else {
            l.expiresAt = plusMonths(l.expiresAt, period);
        }
        l.period = period;
        return l;
    }

    LicenceState edit(long id, String name, String ip) {
        LicenceState l = licence(id);
        if (name != null) {
            l.name = name;
        }
        if (ip != null && !ip.equals(l.ip)) {
            l.ip = ip;
            l.lastIpChange = now();
        }
        return l;
    }

    /**
     * Time passes for one licence's last changes only: its last IP change and last key change move {@code by} into
     * the past (nothing else, not the clock). For the control and Java API: an unknown licence is
     * {@link NoSuchElementException}.
     */
    LicenceState ageChanges(long id, Duration by) {
        LicenceState l = existing(id);
        l.lastIpChange = l.lastIpChange.minus(by);
        l.lastKeyChange = l.lastKeyChange.minus(by);
        return l;
    }

    LicenceState regenerateKey(long id) {
        LicenceState l = licence(id);
        String key;
        do {
            key = newKey();
        } while (key.equals(l.key));
        l.key = key;
        l.lastKeyChange = now();
        return l;
    }

    LicenceState suspend(long id) {
        LicenceState l = licence(id);
        if (l.status.equals(SimulatedLicence.ACTIVE)) {
            l.status = SimulatedLicence.SUSPENDED;
            l.suspendReason = SimulatedLicence.ADMIN;
            l.suspendedAt = now();
        }
        return l;
    }

    LicenceState resume(long id) {
        LicenceState l = licence(id);
        if (l.unpaid()) {
            throw new BillError(BillError.STATUS, "elid", "Licence " + id
                    + " is suspended for non-payment; renew it with service.prolong");
        }
        l.status = SimulatedLicence.ACTIVE;
        l.suspendReason = null;
        l.suspendedAt = null;
        return l;
    }

    private String newKey() {
        StringBuilder key = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }
}
