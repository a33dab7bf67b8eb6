package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.StateFile;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the simulated VMmanager knows, behind one lock: every read and write of the API, the control API and
 * the Java API goes through {@link #locked}, which first ends the tasks whose time is up (so no timer thread is
 * needed: a task ends when its time is up, whenever that is noticed).
 */
final class World {

    static final long FIRST_HOST_ID = 101;
    static final long FIRST_DISK_ID = 1001;
    static final long FIRST_IP_ID = 2001;
    static final long FIRST_CONSUL_ID = 70001;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReentrantLock lock = new ReentrantLock();
    private final InstantSource clock;
    /** Where the state is kept across restarts; null: in memory only. */
    private StateFile stateFile;
    private final Supplier<Settings> settings;

    final Map<Long, AccountState> accounts = new TreeMap<>();
    final Map<Long, ClusterState> clusters = new TreeMap<>();
    final Map<Long, Seed.Repository> repositories = new TreeMap<>();
    final Map<Long, Seed.Os> os = new TreeMap<>();
    final Map<Long, Seed.Preset> presets = new TreeMap<>();
    final Map<Long, PoolState> pools = new TreeMap<>();
    final Map<Long, HostState> hosts = new TreeMap<>();
    final Map<Long, TaskState> tasks = new TreeMap<>();
    /** Auth tokens by token: the account and when it expires. */
    final Map<String, Token> tokens = new HashMap<>();
    /** SSO keys by key, oldest first. */
    final Map<String, SsoKey> ssoKeys = new LinkedHashMap<>();
    /** Messages of scripted failures by task name, used up by the next tasks of that name. */
    private final Map<String, Deque<String>> scriptedFailures = new HashMap<>();
    private final List<TaskState> running = new ArrayList<>();
    private volatile Instant asleepUntil;
    long tokenIssues;
    long nextAccountId;
    long nextHostId;
    long nextDiskId;
    long nextIpId;
    long nextTaskId;
    long nextConsulId;

    record Token(long accountId, Instant expiresAt) {
    }

    static final class SsoKey {
        final String key;
        final long accountId;
        final Instant issuedAt;
        boolean used;

        SsoKey(String key, long accountId, Instant issuedAt) {
            this.key = key;
            this.accountId = accountId;
            this.issuedAt = issuedAt;
        }
    }

    World(Seed seed, InstantSource clock, Supplier<Settings> settings) {
        this.clock = clock;
        this.settings = settings;
        load(seed);
    }

    /**
     * Runs {@code action} alone; when the state is kept in a file, whatever it changed is written there before the
     * lock is let go (so before the call that changed it is answered).
     */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            endDueTasks();
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
     * Keeps the state in {@code file} from now on: what an earlier run left there replaces the seed (tasks under way
     * end when their time is up, which may be now); with nothing there, the seed is written.
     */
    void keepIn(StateFile file) {
        lock.lock();
        try {
            file.read().ifPresent(kept -> {
                running.clear();
                WorldState.read(kept).applyTo(this);
            });
            stateFile = file;
            endDueTasks();
            save();
        } finally {
            lock.unlock();
        }
    }

    /** A task kept under way from an earlier run: it runs on, and ends when its time is up. */
    void resumeTask(HostState host, TaskState task) {
        host.runningTask = task;
        running.add(task);
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

    Instant now() {
        return clock.instant();
    }

    /** Forgets everything and holds {@code seed} again (awake, no tokens, no scripted failures). */
    void load(Seed seed) {
        lock.lock();
        try {
            accounts.clear();
            clusters.clear();
            repositories.clear();
            os.clear();
            presets.clear();
            pools.clear();
            hosts.clear();
            tasks.clear();
            tokens.clear();
            ssoKeys.clear();
            scriptedFailures.clear();
            running.clear();
            asleepUntil = null;
            tokenIssues = 0;
            for (Seed.Account a : seed.accounts()) {
                checkRole(a.role());
                if (accounts.values().stream().anyMatch(o -> o.email.equalsIgnoreCase(a.email()))) {
                    throw new IllegalArgumentException("Account e-mail " + a.email() + " is seeded twice");
                }
                unique(accounts.put(a.id(), new AccountState(a.id(), a.email(), a.password(), a.role())), "Account",
                        a.id());
            }
            seed.clusters().forEach(c -> unique(clusters.put(c.id(), new ClusterState(c)), "Cluster", c.id()));
            seed.repositories().forEach(r -> unique(repositories.put(r.id(), r), "Repository", r.id()));
            for (Seed.Os o : seed.os()) {
                if (!repositories.containsKey(o.repositoryId())) {
                    throw new IllegalArgumentException("OS " + o.id() + " is in unknown repository " + o.repositoryId());
                }
                unique(os.put(o.id(), o), "OS", o.id());
            }
            seed.presets().forEach(p -> unique(presets.put(p.id(), p), "Preset", p.id()));
            for (Seed.IpPool p : seed.ipPools()) {
                for (long clusterId : p.clusterIds()) {
                    if (!clusters.containsKey(clusterId)) {
                        throw new IllegalArgumentException("IP pool " + p.id() + " is bound to unknown cluster "
                                + clusterId);
                    }
                }
                unique(pools.put(p.id(), new PoolState(p)), "IP pool", p.id());
            }
            nextAccountId = accounts.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            nextHostId = FIRST_HOST_ID;
            nextDiskId = FIRST_DISK_ID;
            nextIpId = FIRST_IP_ID;
            nextTaskId = 1;
            nextConsulId = FIRST_CONSUL_ID;
            save();
        } finally {
            lock.unlock();
        }
    }

    private static void unique(Object previous, String what, long id) {
        if (previous != null) {
            throw new IllegalArgumentException(what + " id " + id + " is seeded twice");
        }
    }

    static void checkRole(String role) {
        if (!"@admin".equals(role) && !"@user".equals(role)) {
            throw new IllegalArgumentException("A role is @admin or @user, got " + role);
        }
    }

    // --- sleep ---------------------------------------------------------------------------------------------------

    /** Read without the lock: a sleeping instance answers before anything else. */
    boolean asleep() {
        Instant until = asleepUntil;
        return until != null && now().isBefore(until);
    }

    Instant asleepUntil() {
        return asleep() ? asleepUntil : null;
    }

    void sleepFor(Duration duration) {
        asleepUntil = duration.isZero() ? null : now().plus(duration);
    }

    // --- auth ----------------------------------------------------------------------------------------------------

    String issueToken(long accountId) {
        String token = randomHex(24);
        tokens.put(token, new Token(accountId, now().plus(settings.get().tokenTtl())));
        tokenIssues++;
        return token;
    }

    /** The account the token stands for, or 401 / 1000 when it is missing, unknown or expired. */
    AccountState authenticate(String token) {
        Token t = token == null ? null : tokens.get(token);
        if (t == null) {
            throw ApiError.sessionExpired();
        }
        AccountState account = accounts.get(t.accountId());
        if (account == null || account.suspended || !now().isBefore(t.expiresAt())) {
            tokens.remove(token);
            throw ApiError.sessionExpired();
        }
        return account;
    }

    String issueSsoKey(long accountId) {
        String key = randomHex(20);
        ssoKeys.put(key, new SsoKey(key, accountId, now()));
        return key;
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // --- lookups (404 / 1003) ------------------------------------------------------------------------------------

    HostState host(long id) {
        HostState host = hosts.get(id);
        if (host == null) {
            throw ApiError.notFound("Host", id);
        }
        return host;
    }

    /** The host, refused with 409 / 1020 while a task of it runs. */
    HostState idleHost(long id) {
        HostState host = host(id);
        if (host.runningTask != null) {
            throw ApiError.conflict(ApiError.HOST_BUSY, "Host is busy", id);
        }
        return host;
    }

    AccountState account(long id) {
        AccountState account = accounts.get(id);
        if (account == null) {
            throw ApiError.notFound("Account", id);
        }
        return account;
    }

    // --- tasks ---------------------------------------------------------------------------------------------------

    /** The next {@code times} tasks named {@code name} fail with {@code message}. */
    void failNextTasks(String name, int times, String message) {
        Deque<String> queue = scriptedFailures.computeIfAbsent(TaskNames.check(name), n -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(message);
        }
    }

    Map<String, Integer> scriptedFailures() {
        Map<String, Integer> counts = new TreeMap<>();
        scriptedFailures.forEach((name, queue) -> {
            if (!queue.isEmpty()) {
                counts.put(name, queue.size());
            }
        });
        return counts;
    }

    /** Starts a task on {@code host} (checked idle by the caller). */
    TaskState startTask(HostState host, String name, TaskEffect effect) {
        Instant now = now();
        Deque<String> failures = scriptedFailures.get(name);
        String failMessage = failures == null ? null : failures.pollFirst();
        TaskState task = new TaskState(nextTaskId++, nextConsulId++, name, host.id, now,
                now.plus(settings.get().durationOf(name)), failMessage, effect);
        tasks.put(task.id, task);
        host.runningTask = task;
        running.add(task);
        return task;
    }

    private void endDueTasks() {
        if (running.isEmpty()) {
            return;
        }
        Instant now = now();
        running.sort(Comparator.comparing((TaskState t) -> t.dueAt).thenComparingLong(t -> t.id));
        while (!running.isEmpty() && !running.getFirst().dueAt.isAfter(now)) {
            TaskState task = running.removeFirst();
            HostState host = hosts.get(task.hostId);
            if (host != null && host.runningTask == task) {
                host.runningTask = null;
            }
            task.finishedAt = task.dueAt;
            if (task.failMessage != null) {
                task.status = TaskState.FAIL;
                task.output = task.failMessage;
                if (host != null) {
                    task.effect.fail(this, host, task.dueAt);
                }
            } else {
                task.status = TaskState.COMPLETE;
                if (host != null) {
                    task.effect.complete(this, host, task.dueAt);
                }
            }
        }
    }

    // --- IPs -----------------------------------------------------------------------------------------------------

    /** Gives the host's IPs back to their pools. */
    void releaseIps(HostState host) {
        for (IpState ip : host.ipv4) {
            PoolState pool = pools.get(ip.poolId);
            if (pool != null) {
                pool.used.remove(ip.address);
            }
        }
        host.ipv4.clear();
    }

    IpState ip(long ipId) {
        for (HostState host : hosts.values()) {
            for (IpState ip : host.ipv4) {
                if (ip.id == ipId) {
                    return ip;
                }
            }
        }
        throw ApiError.notFound("IP address", ipId);
    }
}
