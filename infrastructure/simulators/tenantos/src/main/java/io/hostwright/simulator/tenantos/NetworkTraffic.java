package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.List;

/**
 * The simulator's made-up but predictable traffic: a server moves bytes at a fixed rate (from its id) for as long as
 * a customer owns it, it is powered on and at least one of its switch ports is up — not at all while it is stock
 * (owned by an admin-role account or nobody), off, or cut off at the switch. Tests can compute what
 * {@code POST /api/servers/{id}/stats/network/{mode}} will report.
 */
public final class NetworkTraffic {

    public static final long BYTES_PER_PACKET = 1_000;

    private NetworkTraffic() {
    }

    /** 1 000 to 10 000 bytes a second: {@code 1000 × (id mod 10 + 1)}. */
    public static long bytesInPerSecond(long serverId) {
        return 1_000L * (Math.floorMod(serverId, 10) + 1);
    }

    /** Four times the inbound rate (servers mostly send). */
    public static long bytesOutPerSecond(long serverId) {
        return 4 * bytesInPerSecond(serverId);
    }

    /** Milliseconds traffic flowed within {@code [from, to)}; an open period runs until {@code now}. */
    static long flowMillis(List<ServerState.FlowPeriod> periods, Instant from, Instant to, Instant now) {
        long total = 0;
        for (ServerState.FlowPeriod p : periods) {
            Instant start = p.from().isAfter(from) ? p.from() : from;
            Instant periodEnd = p.to() == null ? now : p.to();
            Instant end = periodEnd.isBefore(to) ? periodEnd : to;
            if (end.isAfter(start)) {
                total += end.toEpochMilli() - start.toEpochMilli();
            }
        }
        return total;
    }
}
