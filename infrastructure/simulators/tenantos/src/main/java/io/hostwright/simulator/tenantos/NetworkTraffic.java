package io.hostwright.simulator.tenantos;

/**
 * The simulator's made-up but predictable traffic: a server moves bytes at its rate for as long as a customer owns
 * it, it is powered on and at least one of its switch ports is up — not at all while it is stock (owned by an
 * admin-role account or nobody), off, or cut off at the switch. The rate is {@link #defaultRate} unless the seed
 * or {@link TenantOsSimulator#setTrafficRate} says otherwise; bursts and counter resets come on top (see
 * {@link TrafficMeter}). Tests can compute what {@code POST /api/servers/{id}/stats/network/{mode}} will report.
 */
public final class NetworkTraffic {

    public static final long BYTES_PER_PACKET = 1_000;

    /** The most one burst may add, each way: 1 PB. */
    public static final long MAX_BURST_BYTES = 1_000_000_000_000_000L;

    private NetworkTraffic() {
    }

    /** The default inbound rate, 1 000 to 10 000 bytes a second: {@code 1000 × (id mod 10 + 1)}. */
    public static long bytesInPerSecond(long serverId) {
        return 1_000L * (Math.floorMod(serverId, 10) + 1);
    }

    /** The default outbound rate: four times the inbound one (servers mostly send). */
    public static long bytesOutPerSecond(long serverId) {
        return 4 * bytesInPerSecond(serverId);
    }

    /** A server's rate unless set otherwise: {@link #bytesInPerSecond} in, {@link #bytesOutPerSecond} out. */
    public static TrafficRate defaultRate(long serverId) {
        return new TrafficRate(bytesInPerSecond(serverId), bytesOutPerSecond(serverId));
    }
}
