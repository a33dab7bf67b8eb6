package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.StateFile;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the simulated TenantOS knows, behind one lock: every read and write of the API, the control API and
 * the Java API goes through {@link #locked}, which first ends the installs whose time is up.
 */
final class World {

    /** Users with this role own stock; ownership by anyone else counts as sold (and makes traffic). */
    static final long ADMIN_ROLE_ID = 1;

    private final ReentrantLock lock = new ReentrantLock();
    private final InstantSource clock;
    /** Where the state is kept across restarts; null: in memory only. */
    private StateFile stateFile;

    final Map<Long, ServerState> servers = new TreeMap<>();
    final Map<Long, UserState> users = new TreeMap<>();
    final Map<Long, Seed.Role> roles = new LinkedHashMap<>();
    final Map<Long, SubnetState> subnets = new TreeMap<>();
    final List<Seed.Os> os = new ArrayList<>();
    final Map<Long, Seed.Profile> profiles = new LinkedHashMap<>();
    /** SSO tokens by token, oldest first. */
    final Map<String, SsoTokenState> ssoTokens = new LinkedHashMap<>();
    /** Servers whose install or wipe may still be running (see {@link #endDueInstalls}). */
    private final Set<ServerState> installing = new LinkedHashSet<>();
    long nextUserId;
    long nextAssignmentId;

    World(Seed seed, InstantSource clock) {
        this.clock = clock;
        load(seed);
    }

    /**
     * Runs {@code action} alone; when the state is kept in a file, whatever it changed is written there before the
     * lock is let go (so before the call that changed it is answered).
     */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            endDueInstalls();
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
     * Keeps the state in {@code file} from now on: what an earlier run left there replaces the seed (installs under
     * way end when their time is up, which may be now); with nothing there, the seed is written.
     */
    void keepIn(StateFile file) {
        lock.lock();
        try {
            file.read().ifPresent(kept -> {
                installing.clear();
                WorldState.read(kept).applyTo(this);
            });
            stateFile = file;
            endDueInstalls();
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

    Instant now() {
        return clock.instant();
    }

    /** Forgets everything and holds {@code seed} again. */
    void load(Seed seed) {
        lock.lock();
        try {
            servers.clear();
            users.clear();
            roles.clear();
            subnets.clear();
            os.clear();
            profiles.clear();
            ssoTokens.clear();
            seed.roles().forEach(r -> roles.put(r.id(), r));
            seed.users().forEach(u -> users.put(u.id(),
                    new UserState(u.id(), u.name(), u.username(), u.email(), u.password(), u.roleId())));
            seed.subnets().forEach(s -> subnets.put(s.id(), new SubnetState(s)));
            os.addAll(seed.os());
            seed.profiles().forEach(p -> profiles.put(p.id(), p));
            nextUserId = users.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            nextAssignmentId = 5001;
            installing.clear();
            Set<Long> seededIps = new HashSet<>();
            for (Seed.Server seeded : seed.servers()) {
                ServerState server = new ServerState(seeded, now());
                if (seeded.userId() != null && !users.containsKey(seeded.userId())) {
                    throw new IllegalArgumentException("Server " + seeded.id() + " is owned by unknown user "
                            + seeded.userId());
                }
                long address = Ipv4.parse(seeded.primaryIp());
                SubnetState subnet = subnetContaining(address).orElseThrow(() -> new IllegalArgumentException(
                        "Server " + seeded.id() + ": " + seeded.primaryIp() + " lies in no seeded subnet"));
                if (!seededIps.add(address)) {
                    throw new IllegalArgumentException(seeded.primaryIp() + " is seeded on two servers");
                }
                subnet.pool.add(address);
                server.assignments.add(new AssignmentState(nextAssignmentId++, seeded.primaryIp(), subnet.id, true));
                for (String feature : seeded.powerFeatures()) {
                    if (!Seed.POWER_FEATURES.contains(feature)) {
                        throw new IllegalArgumentException("Server " + seeded.id() + ": unknown power feature "
                                + feature + ", expected some of " + Seed.POWER_FEATURES);
                    }
                }
                if (servers.put(server.id, server) != null) {
                    throw new IllegalArgumentException("Server id " + seeded.id() + " is seeded twice");
                }
                if (seeded.ports().stream().map(Seed.Port::id).distinct().count() != seeded.ports().size()) {
                    throw new IllegalArgumentException("Server " + seeded.id() + " has two ports with one id");
                }
                trafficMayHaveChanged(server);
            }
            save();
        } finally {
            lock.unlock();
        }
    }

    ServerState server(long id) {
        ServerState server = servers.get(id);
        if (server == null) {
            throw ApiError.notFound("Server");
        }
        return server;
    }

    UserState user(long id) {
        UserState user = users.get(id);
        if (user == null) {
            throw ApiError.notFound("User");
        }
        return user;
    }

    boolean isCustomer(Long userId) {
        if (userId == null) {
            return false;
        }
        UserState user = users.get(userId);
        return user != null && user.roleId != ADMIN_ROLE_ID;
    }

    void setOwner(ServerState server, Long userId) {
        server.userId = userId;
        trafficMayHaveChanged(server);
    }

    /**
     * Call after anything that decides whether the server moves traffic changed (owner, power, ports): it flows
     * while a customer owns the server, it is powered on and at least one of its ports is up.
     */
    void trafficMayHaveChanged(ServerState server) {
        server.traffic.flowing(isCustomer(server.userId) && server.poweredOn() && server.connected(), now());
    }

    Optional<SubnetState> subnetContaining(long address) {
        return subnets.values().stream().filter(s -> Ipv4.contains(s.cidr, address)).findFirst();
    }

    Optional<ServerState> ipHolder(long address) {
        String ip = Ipv4.format(address);
        return servers.values().stream()
                .filter(s -> s.assignments.stream().anyMatch(a -> a.ip.equals(ip)))
                .findFirst();
    }

    List<String> freeIps(SubnetState subnet) {
        return subnet.pool.stream().filter(a -> ipHolder(a).isEmpty()).map(Ipv4::format).toList();
    }

    /** The server runs {@code job} from now on; it ends by itself when its time is up. */
    void startInstall(ServerState server, InstallJob job) {
        server.install = job;
        installing.add(server);
    }

    /** Only servers whose install may still run: a call costs the same however many servers there are. */
    private void endDueInstalls() {
        Instant now = now();
        for (Iterator<ServerState> it = installing.iterator(); it.hasNext(); ) {
            ServerState server = it.next();
            InstallJob job = server.install;
            if (job == null || !job.running()) {
                it.remove();
                continue;
            }
            if (!job.due(now)) {
                continue;
            }
            it.remove();
            // it ended when its time was up, whenever that is noticed
            if (job.failMessage != null) {
                job.end(InstallJob.State.FAILED, job.dueAt());
            } else {
                job.end(InstallJob.State.FINISHED, job.dueAt());
                server.os = job.wipe ? "" : job.profileName;
            }
        }
    }
}
