package io.hostwright.simulator.vmmanager6;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /vm/v3/host}: [C] the body's fields and the {@code {id, task}} answer. Ours: which fields are required,
 * their bounds, IPs taken at once (from the pools in {@code ipv4_pool} in the order given, else from the cluster's
 * pools in id order, spilling over to the next pool when one runs out), 409 / 1010 when they cannot all be had and
 * 409 / 1011 when the cluster is full (nothing is created either way), the node with the fewest hosts. Not
 * idempotent: every call makes a host.
 */
final class HostCreation {

    private final World world;

    HostCreation(World world) {
        this.world = world;
    }

    private record Body(String name, String password, long clusterId, long osId, Long presetId, Long cpuNumber,
                        Long ramMib, Long hddMib, long accountId, int ipv4Number, List<Long> poolIds,
                        boolean ipv6Enabled, String comment, String domain, Long netBandwidthMbitps) {
    }

    Object create(ApiRequest request) {
        Body body = read(request);
        return world.locked(() -> {
            ClusterState cluster = world.clusters.get(body.clusterId());
            if (cluster == null) {
                throw ApiError.invalid("cluster", "no cluster " + body.clusterId());
            }
            if (!world.os.containsKey(body.osId())) {
                throw ApiError.invalid("os", "no OS template " + body.osId());
            }
            if (!world.accounts.containsKey(body.accountId())) {
                throw ApiError.invalid("account", "no account " + body.accountId());
            }
            Seed.Preset preset = null;
            if (body.presetId() != null) {
                preset = world.presets.get(body.presetId());
                if (preset == null) {
                    throw ApiError.invalid("preset", "no preset " + body.presetId());
                }
            }
            List<PoolState> pools = pools(cluster, body.poolIds());
            long inCluster = world.hosts.values().stream().filter(h -> h.clusterId == cluster.id).count();
            if (cluster.nodes.isEmpty() || cluster.capacity != null && inCluster >= cluster.capacity) {
                throw ApiError.conflict(ApiError.CLUSTER_FULL, "Not enough resources in the cluster", cluster.id);
            }
            if (pools.stream().mapToLong(PoolState::free).sum() < body.ipv4Number()) {
                throw ApiError.conflict(ApiError.NO_FREE_IPV4, "No free IPv4 addresses", null);
            }
            return make(body, cluster, preset, pools);
        });
    }

    private Object make(Body body, ClusterState cluster, Seed.Preset preset, List<PoolState> pools) {
        Instant now = world.now();
        long id = world.nextHostId++;
        HostState host = new HostState(id, body.name(), body.comment(), cluster.id, body.accountId(),
                leastBusyNode(cluster), body.domain(), body.ipv6Enabled(), now, TrafficRate.defaultFor(id));
        host.osId = body.osId();
        host.cpuNumber = (int) (long) (body.cpuNumber() != null ? body.cpuNumber() : preset.cpuNumber());
        host.ramMib = body.ramMib() != null ? body.ramMib() : preset.ramMib();
        host.netBandwidthMbitps = body.netBandwidthMbitps();
        host.password = body.password();
        host.disks.add(new DiskState(world.nextDiskId++, body.hddMib() != null ? body.hddMib() : preset.hddMib()));
        for (PoolState pool : pools) {
            while (host.ipv4.size() < body.ipv4Number() && pool.free() > 0) {
                long address = pool.lowestFree().orElseThrow();
                IpState ip = new IpState(world.nextIpId++, address, pool.id, id, null);
                pool.used.put(address, ip);
                host.ipv4.add(ip);
            }
        }
        world.hosts.put(id, host);
        TaskState task = world.startTask(host, TaskNames.HOST_CREATE, new TaskEffect.Create());
        return Json.obj("id", id, "task", task.consulId);
    }

    /** The pools asked for (each must exist and serve the cluster), else the cluster's in id order. */
    private List<PoolState> pools(ClusterState cluster, List<Long> poolIds) {
        if (poolIds == null || poolIds.isEmpty()) {
            return world.pools.values().stream().filter(p -> p.clusterIds.contains(cluster.id)).toList();
        }
        List<PoolState> pools = new ArrayList<>();
        for (long poolId : poolIds) {
            PoolState pool = world.pools.get(poolId);
            if (pool == null || !pool.clusterIds.contains(cluster.id)) {
                throw ApiError.invalid("ipv4_pool", "no IP pool " + poolId + " for cluster " + cluster.id);
            }
            if (!pools.contains(pool)) {
                pools.add(pool);
            }
        }
        return pools;
    }

    private long leastBusyNode(ClusterState cluster) {
        return cluster.nodes.stream()
                .min(Comparator.comparingLong((Seed.Node n) -> world.hosts.values().stream()
                        .filter(h -> h.nodeId == n.id()).count()).thenComparingLong(Seed.Node::id))
                .orElseThrow().id();
    }

    private static Body read(ApiRequest r) {
        String name = r.text("name").trim();
        if (name.length() > Limits.MAX_NAME) {
            throw ApiError.invalid("name", "at most " + Limits.MAX_NAME + " characters");
        }
        String password = r.text("password");
        long clusterId = r.integer("cluster", 1, Limits.MAX_ID);
        long osId = r.integer("os", 1, Limits.MAX_ID);
        Long presetId = r.optionalInteger("preset", 1, Limits.MAX_ID);
        Long cpu = r.optionalInteger("cpu_number", 1, Limits.MAX_CPU);
        Long ram = r.optionalInteger("ram_mib", Limits.MIN_RAM_MIB, Limits.MAX_RAM_MIB);
        Long hdd = r.optionalInteger("hdd_mib", Limits.MIN_DISK_MIB, Limits.MAX_DISK_MIB);
        if (presetId == null) {
            for (String field : List.of("cpu_number", "ram_mib", "hdd_mib")) {
                if (!r.present(field)) {
                    throw ApiError.invalid(field, "required unless a preset is given");
                }
            }
        }
        long accountId = r.integer("account", 1, Limits.MAX_ID);
        int ipv4Number = (int) r.integer("ipv4_number", 0, Limits.MAX_IPV4);
        List<Long> poolIds = r.optionalIds("ipv4_pool");
        boolean ipv6 = r.flag("ipv6_enabled", false);
        String comment = r.optionalText("comment");
        String domain = r.optionalText("domain");
        if (domain != null && !domain.isEmpty() && !Limits.isDomain(domain)) {
            throw ApiError.invalid("domain", "not a domain name");
        }
        Long bandwidth = r.optionalInteger("net_bandwidth_mbitps", 0, Limits.MAX_BANDWIDTH_MBITPS);
        return new Body(name, password, clusterId, osId, presetId, cpu, ram, hdd, accountId, ipv4Number, poolIds,
                ipv6, comment, domain == null || domain.isEmpty() ? null : domain, bandwidth);
    }
}
