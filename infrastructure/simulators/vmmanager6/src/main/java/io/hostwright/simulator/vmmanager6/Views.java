package io.hostwright.simulator.vmmanager6;

import java.util.Map;

/** VMmanager's JSON shapes, field for field (the adapter reads exactly these). Called under the world lock. */
final class Views {

    private Views() {
    }

    static Map<String, Object> account(AccountState a) {
        return Json.obj("id", a.id, "email", a.email, "role", a.role, "state", a.state());
    }

    static Map<String, Object> host(World world, HostState h) {
        ClusterState cluster = world.clusters.get(h.clusterId);
        AccountState account = world.accounts.get(h.accountId);
        Seed.Os os = world.os.get(h.osId);
        Seed.Node node = cluster.nodes.stream().filter(n -> n.id() == h.nodeId).findFirst().orElse(null);
        return Json.obj(
                "id", h.id,
                "name", h.name,
                "comment", h.comment,
                "state", h.state,
                "cluster", Json.obj("id", cluster.id, "name", cluster.name),
                "account", Json.obj("id", h.accountId, "email", account == null ? null : account.email),
                "os", Json.obj("id", h.osId, "name", os == null ? null : os.name()),
                "cpu_number", h.cpuNumber,
                "ram_mib", h.ramMib,
                "disks", h.disks.stream().map(d -> Json.obj("id", d.id, "size_mib", d.sizeMib)).toList(),
                "ip4", h.ipv4.stream().map(ip -> Json.obj("id", ip.id, "ip", ip.ip())).toList(),
                "ip6_enabled", h.ip6Enabled,
                "domain", h.domain,
                "net_bandwidth_mbitps", h.netBandwidthMbitps,
                "node", node == null ? null : Json.obj("id", node.id(), "name", node.name()),
                "power", h.poweredOn ? "on" : "off");
    }

    static Map<String, Object> ipv4(IpState ip) {
        return Json.obj("id", ip.id, "ip_addr", ip.ip(), "domain", ip.domain);
    }

    static Map<String, Object> task(TaskState t) {
        return Json.obj("id", t.id, "consul_id", t.consulId, "name", t.name, "status", t.status,
                "registration_date", t.registeredAt, "finished_date", t.finishedAt, "output", t.output);
    }

    static Map<String, Object> os(World world, Seed.Os o) {
        Seed.Repository repository = world.repositories.get(o.repositoryId());
        return Json.obj("id", o.id(), "name", o.name(),
                "repository", Json.obj("id", repository.id(), "name", repository.name()), "state", "active");
    }

    static Map<String, Object> cluster(ClusterState c) {
        return Json.obj("id", c.id, "name", c.name, "type", "kvm");
    }

    static Map<String, Object> preset(Seed.Preset p) {
        return Json.obj("id", p.id(), "name", p.name(), "cpu_number", p.cpuNumber(), "ram_mib", p.ramMib(),
                "hdd_mib", p.hddMib());
    }

    static Map<String, Object> pool(PoolState p) {
        return Json.obj("id", p.id, "name", p.name, "cluster_ids", p.clusterIds, "free", p.free(), "total", p.size);
    }
}
