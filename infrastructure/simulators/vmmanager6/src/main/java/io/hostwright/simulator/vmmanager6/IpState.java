package io.hostwright.simulator.vmmanager6;

/** One IPv4 address a host holds, taken from a pool; {@code domain} is its PTR record (null when none). */
final class IpState {

    final long id;
    final long address;
    final long poolId;
    final long hostId;
    String domain;

    IpState(long id, long address, long poolId, long hostId, String domain) {
        this.id = id;
        this.address = address;
        this.poolId = poolId;
        this.hostId = hostId;
        this.domain = domain;
    }

    String ip() {
        return Ipv4.format(address);
    }
}
