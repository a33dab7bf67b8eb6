package io.hostwright.simulator.vmmanager6;

import java.util.List;

/**
 * A host as the simulator holds it at one moment, including what the API does not show (the running task, the
 * traffic rate). The root password is only in {@link VmManager6Simulator#passwordOf}.
 *
 * @param state       creating, active, stopped, reinstalling, changing, deleting or failed
 * @param runningTask the consul id of the task that runs on it, null when none
 */
public record SimulatedHost(long id, String name, String comment, String state, long clusterId, long accountId,
                            long osId, int cpuNumber, long ramMib, List<Disk> disks, List<Ip> ipv4,
                            boolean ip6Enabled, String domain, Long netBandwidthMbitps, long nodeId, boolean poweredOn,
                            Long runningTask, TrafficRate trafficRate) {

    public record Disk(long id, long sizeMib) {
    }

    /** @param domain its PTR record, null when none */
    public record Ip(long id, String ip, long poolId, String domain) {
    }

    public List<String> ips() {
        return ipv4.stream().map(Ip::ip).toList();
    }

    static SimulatedHost of(HostState h) {
        return new SimulatedHost(h.id, h.name, h.comment, h.state, h.clusterId, h.accountId, h.osId, h.cpuNumber,
                h.ramMib, h.disks.stream().map(d -> new Disk(d.id, d.sizeMib)).toList(),
                h.ipv4.stream().map(ip -> new Ip(ip.id, ip.ip(), ip.poolId, ip.domain)).toList(), h.ip6Enabled,
                h.domain, h.netBandwidthMbitps, h.nodeId, h.poweredOn,
                h.runningTask == null ? null : h.runningTask.consulId, h.traffic.rate());
    }
}
