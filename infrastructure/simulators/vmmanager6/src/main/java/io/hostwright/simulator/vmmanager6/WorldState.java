package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.StateJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the simulated VMmanager holds, as JSON kept across restarts (see {@code StateFile}): accounts, clusters,
 * the OS catalogue, presets, IP pools with what they hand out, hosts with their disks, IPs, traffic and the task
 * under way, every task, auth tokens and SSO keys. Scripted task failures and sleep are the test's instruments and
 * start afresh. Tasks under way go on counting while the simulator is stopped: one whose time is up by the next start
 * has ended, with its effect.
 */
record WorldState(int version, List<AccountSnapshot> accounts, List<Seed.Cluster> clusters,
                  List<Seed.Repository> repositories, List<Seed.Os> os, List<Seed.Preset> presets,
                  List<PoolSnapshot> pools, List<HostSnapshot> hosts, List<TaskSnapshot> tasks,
                  List<TokenSnapshot> tokens, List<SsoKeySnapshot> ssoKeys, long tokenIssues, long nextAccountId,
                  long nextHostId, long nextDiskId, long nextIpId, long nextTaskId, long nextConsulId) {

    static final int VERSION = 1;

    record AccountSnapshot(long id, String email, String password, String role, boolean suspended) {
    }

    record PoolSnapshot(long id, String name, List<Long> clusterIds, String firstIp, int size, List<Long> reserved) {
    }

    record HostSnapshot(long id, String name, String comment, long clusterId, long accountId, long nodeId,
                        String domain, boolean ip6Enabled, Instant createdAt, List<DiskSnapshot> disks,
                        List<IpSnapshot> ipv4, TrafficMeter.State traffic, String state, long osId, int cpuNumber,
                        long ramMib, Long netBandwidthMbitps, boolean poweredOn, String password,
                        Long runningTaskId) {
    }

    record DiskSnapshot(long id, long sizeMib) {
    }

    record IpSnapshot(long id, long address, long poolId, String domain) {
    }

    record TaskSnapshot(long id, long consulId, String name, long hostId, Instant registeredAt, Instant dueAt,
                        String failMessage, TaskEffect effect, String status, Instant finishedAt, String output) {
    }

    record TokenSnapshot(String token, long accountId, Instant expiresAt) {
    }

    record SsoKeySnapshot(String key, long accountId, Instant issuedAt, boolean used) {
    }

    /** Called under the world's lock. */
    static String write(World world) {
        List<HostSnapshot> hosts = new ArrayList<>();
        for (HostState h : world.hosts.values()) {
            hosts.add(new HostSnapshot(h.id, h.name, h.comment, h.clusterId, h.accountId, h.nodeId, h.domain,
                    h.ip6Enabled, h.createdAt,
                    h.disks.stream().map(d -> new DiskSnapshot(d.id, d.sizeMib)).toList(),
                    h.ipv4.stream().map(ip -> new IpSnapshot(ip.id, ip.address, ip.poolId, ip.domain)).toList(),
                    h.traffic.state(), h.state, h.osId, h.cpuNumber, h.ramMib, h.netBandwidthMbitps, h.poweredOn,
                    h.password, h.runningTask == null ? null : h.runningTask.id));
        }
        WorldState state = new WorldState(VERSION,
                world.accounts.values().stream().map(a -> new AccountSnapshot(a.id, a.email, a.password, a.role,
                        a.suspended)).toList(),
                world.clusters.values().stream().map(c -> new Seed.Cluster(c.id, c.name, c.capacity, c.nodes))
                        .toList(),
                List.copyOf(world.repositories.values()), List.copyOf(world.os.values()),
                List.copyOf(world.presets.values()),
                world.pools.values().stream().map(p -> new PoolSnapshot(p.id, p.name, p.clusterIds,
                        Ipv4.format(p.first), p.size, List.copyOf(p.reserved))).toList(),
                hosts,
                world.tasks.values().stream().map(t -> new TaskSnapshot(t.id, t.consulId, t.name, t.hostId,
                        t.registeredAt, t.dueAt, t.failMessage, t.effect, t.status, t.finishedAt, t.output)).toList(),
                world.tokens.entrySet().stream().map(e -> new TokenSnapshot(e.getKey(), e.getValue().accountId(),
                        e.getValue().expiresAt())).sorted(java.util.Comparator.comparing(TokenSnapshot::token))
                        .toList(),
                world.ssoKeys.values().stream().map(k -> new SsoKeySnapshot(k.key, k.accountId, k.issuedAt, k.used))
                        .toList(),
                world.tokenIssues, world.nextAccountId, world.nextHostId, world.nextDiskId, world.nextIpId,
                world.nextTaskId, world.nextConsulId);
        return StateJson.write(state, "VMmanager");
    }

    static WorldState read(String json) {
        return StateJson.read(json, WorldState.class, "VMmanager", WorldState::version, VERSION);
    }

    /** Replaces everything the world holds with this state (under the world's lock, see {@link World#keepIn}). */
    void applyTo(World world) {
        world.accounts.clear();
        for (AccountSnapshot a : accounts) {
            AccountState account = new AccountState(a.id(), a.email(), a.password(), a.role());
            account.suspended = a.suspended();
            world.accounts.put(account.id, account);
        }
        world.clusters.clear();
        clusters.forEach(c -> world.clusters.put(c.id(), new ClusterState(c)));
        world.repositories.clear();
        repositories.forEach(r -> world.repositories.put(r.id(), r));
        world.os.clear();
        os.forEach(o -> world.os.put(o.id(), o));
        world.presets.clear();
        presets.forEach(p -> world.presets.put(p.id(), p));
        world.pools.clear();
        for (PoolSnapshot p : pools) {
            PoolState pool = new PoolState(new Seed.IpPool(p.id(), p.name(), p.clusterIds(), p.firstIp(), p.size()));
            pool.reserved.addAll(p.reserved());
            world.pools.put(pool.id, pool);
        }
        world.tasks.clear();
        for (TaskSnapshot t : tasks) {
            TaskState task = new TaskState(t.id(), t.consulId(), t.name(), t.hostId(), t.registeredAt(), t.dueAt(),
                    t.failMessage(), t.effect());
            task.status = t.status();
            task.finishedAt = t.finishedAt();
            task.output = t.output();
            world.tasks.put(task.id, task);
        }
        world.hosts.clear();
        for (HostSnapshot h : hosts) {
            HostState host = new HostState(h.id(), h.name(), h.comment(), h.clusterId(), h.accountId(), h.nodeId(),
                    h.domain(), h.ip6Enabled(), h.createdAt(), TrafficRate.defaultFor(h.id()));
            h.disks().forEach(d -> host.disks.add(new DiskState(d.id(), d.sizeMib())));
            for (IpSnapshot i : h.ipv4()) {
                IpState ip = new IpState(i.id(), i.address(), i.poolId(), h.id(), i.domain());
                host.ipv4.add(ip);
                PoolState pool = world.pools.get(i.poolId());
                if (pool != null) {
                    pool.used.put(ip.address, ip);
                }
            }
            host.traffic.restore(h.traffic());
            host.state = h.state();
            host.osId = h.osId();
            host.cpuNumber = h.cpuNumber();
            host.ramMib = h.ramMib();
            host.netBandwidthMbitps = h.netBandwidthMbitps();
            host.poweredOn = h.poweredOn();
            host.password = h.password();
            world.hosts.put(host.id, host);
            if (h.runningTaskId() != null) {
                TaskState task = world.tasks.get(h.runningTaskId());
                if (task != null && task.running()) {
                    world.resumeTask(host, task);
                }
            }
        }
        world.tokens.clear();
        tokens.forEach(t -> world.tokens.put(t.token(), new World.Token(t.accountId(), t.expiresAt())));
        world.ssoKeys.clear();
        for (SsoKeySnapshot k : ssoKeys) {
            World.SsoKey key = new World.SsoKey(k.key(), k.accountId(), k.issuedAt());
            key.used = k.used();
            world.ssoKeys.put(key.key, key);
        }
        world.tokenIssues = tokenIssues;
        world.nextAccountId = nextAccountId;
        world.nextHostId = nextHostId;
        world.nextDiskId = nextDiskId;
        world.nextIpId = nextIpId;
        world.nextTaskId = nextTaskId;
        world.nextConsulId = nextConsulId;
    }
}
