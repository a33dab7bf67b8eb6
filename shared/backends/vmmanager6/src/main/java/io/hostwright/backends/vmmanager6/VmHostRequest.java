package io.hostwright.backends.vmmanager6;

import java.util.List;

/**
 * What creating a host asks for: either a preset or CPU, RAM and disk; IPv4 addresses from the given pools (the
 * cluster's when empty). {@code comment} carries the service id, so the host can be found again.
 */
public record VmHostRequest(String name, String password, long clusterId, long osId, Long presetId, Integer cpuNumber,
                            Long ramMib, Long hddMib, long accountId, int ipv4Number, List<Long> ipv4Pools,
                            boolean ipv6Enabled, Integer bandwidthMbit, String comment, String domain) {

    public VmHostRequest {
        ipv4Pools = ipv4Pools == null ? List.of() : List.copyOf(ipv4Pools);
    }

    @Override
    public String toString() {
        return "VmHostRequest[" + name + ", cluster " + clusterId + ", os " + osId + ", comment " + comment + "]";
    }
}
