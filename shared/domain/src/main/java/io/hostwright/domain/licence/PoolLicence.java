package io.hostwright.domain.licence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A control-panel licence as the licence server lists it, and the pool's rule (BILLmanager's, seed 004): a licence is
 * free for another service when it is active or suspended, named {@link #FREE_NAME}, on {@link #FREE_IP}, not
 * expired, and its last IP change and last key change are more than {@link #QUIET_PERIOD} old (the server refuses
 * changes that come too often).
 *
 * @param upstreamId    the licence server's id of it
 * @param lastIpChange  null when its IP never changed
 * @param lastKeyChange null when its key never changed
 */
public record PoolLicence(String upstreamId, Status status, String name, String ip, Instant expiresAt,
                          Instant lastIpChange, Instant lastKeyChange) {

    public enum Status { ACTIVE, SUSPENDED, OTHER }

    /** The name of a licence nobody holds. */
    public static final String FREE_NAME = "free.lic";
    /** The IP of a licence nobody holds. */
    public static final String FREE_IP = "0.0.0.0";
    /** How long since the last IP or key change a licence must rest before it may be reused. */
    public static final Duration QUIET_PERIOD = Duration.ofDays(30);

    public PoolLicence {
        Objects.requireNonNull(upstreamId, "upstreamId");
        Objects.requireNonNull(status, "status");
    }

    /** Whether it may be given to a service now; {@link #whyNotFree} says why not. */
    public boolean free(Instant now) {
        return whyNotFree(now) == null;
    }

    /** Why it may not be reused now, in words; null when it may. */
    public String whyNotFree(Instant now) {
        if (status == Status.OTHER) {
            return "neither active nor suspended";
        }
        if (!FREE_NAME.equals(name) || !FREE_IP.equals(ip)) {
            return "held: named " + name + " on " + ip;
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            return "expired";
        }
        if (lastIpChange != null && lastIpChange.plus(QUIET_PERIOD).isAfter(now)) {
            return "its IP changed on " + lastIpChange + ", less than " + QUIET_PERIOD.toDays() + " days ago";
        }
        if (lastKeyChange != null && lastKeyChange.plus(QUIET_PERIOD).isAfter(now)) {
            return "its key changed on " + lastKeyChange + ", less than " + QUIET_PERIOD.toDays() + " days ago";
        }
        return null;
    }

    /**
     * When it becomes free if nothing changes but time: the end of its rest after the last IP or key change, when
     * that is all that keeps it from being reused now (and it does not run out first); else null — free already, or
     * held, expired, neither active nor suspended.
     */
    public Instant freeFrom(Instant now) {
        if (whyNotFree(now) == null) {
            return null;
        }
        Instant rested = latest(lastIpChange, lastKeyChange);
        if (rested == null) {
            return null;
        }
        Instant from = rested.plus(QUIET_PERIOD);
        return from.isAfter(now) && whyNotFree(from) == null ? from : null;
    }

    /**
     * Whether it runs out by {@code horizon} (already run out included) while it still can be renewed: active or
     * suspended. The daily run renews such licences; staff see them as expiring.
     */
    public boolean runsOutBy(Instant horizon) {
        return expiresAt != null && !expiresAt.isAfter(horizon) && status != Status.OTHER;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
