package io.hostwright.simulator.vmmanager6;

import java.util.List;

/**
 * An IPv4 pool: {@code total} addresses, of which {@code used} are held by hosts, {@code reserved} taken by someone
 * else ({@link VmManager6Simulator#exhaustPool}) and {@code free} can be handed out.
 */
public record SimulatedPool(long id, String name, List<Long> clusterIds, String firstIp, int total, int used,
                            int reserved, int free) {

    static SimulatedPool of(PoolState p) {
        return new SimulatedPool(p.id, p.name, p.clusterIds, Ipv4.format(p.first), p.size, p.used.size(),
                p.reserved.size(), p.free());
    }
}
