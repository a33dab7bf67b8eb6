package io.hostwright.simulator.tenantos;

import java.util.TreeSet;

/** A subnet and every address it may hand out (free or assigned); free = pool minus what servers hold. */
final class SubnetState {

    final long id;
    final String cidr;
    final String gateway;
    final String type;
    final TreeSet<Long> pool = new TreeSet<>();

    SubnetState(Seed.Subnet seed) {
        this.id = seed.id();
        this.cidr = seed.cidr();
        this.gateway = seed.gateway() == null ? "" : seed.gateway();
        this.type = seed.type();
        Ipv4.network(cidr);
        for (String range : seed.freeIps()) {
            for (long address : Ipv4.expand(range)) {
                if (!Ipv4.contains(cidr, address)) {
                    throw new IllegalArgumentException(Ipv4.format(address) + " is outside subnet " + cidr);
                }
                pool.add(address);
            }
        }
    }

    String subnetAddress() {
        return Ipv4.format(Ipv4.network(cidr));
    }

    String netmask() {
        return Ipv4.format(Ipv4.mask(Ipv4.prefix(cidr)));
    }
}
