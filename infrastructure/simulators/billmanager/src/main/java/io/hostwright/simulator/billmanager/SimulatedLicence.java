package io.hostwright.simulator.billmanager;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A licence as it stands (a copy; changing the simulator does not change it).
 *
 * @param status        {@code active} or {@code suspended}
 * @param suspendReason {@code unpaid} (its expiry passed), {@code admin} (suspended by a call), null when active
 * @param autoprolong   months it renews itself for at expiry when the balance covers it; null: it does not
 * @param suspendedAt   when it was suspended; null when active
 * @param deletesAt     when an unpaid licence disappears (expiry + 30 days); null unless unpaid
 */
public record SimulatedLicence(long id, String status, String suspendReason, String name, String ip, String key,
                               long pricelist, int period, Integer autoprolong, Instant createdAt, Instant expiresAt,
                               Instant lastIpChange, Instant lastKeyChange, Instant suspendedAt, Instant deletesAt) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String UNPAID = "unpaid";
    public static final String ADMIN = "admin";

    public boolean active() {
        return status.equals(ACTIVE);
    }

    /**
     * BILLmanager's test for a licence waiting in its pool at {@code now}: active or suspended, named
     * {@code free.lic}, IP {@code 0.0.0.0}, expiry ahead, IP and key last changed more than a month before.
     */
    public boolean free(Instant now) {
        Instant monthAgo = now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        return name.equals(Seed.FREE_NAME) && ip.equals(Seed.FREE_IP) && expiresAt.isAfter(now)
                && lastIpChange.isBefore(monthAgo) && lastKeyChange.isBefore(monthAgo);
    }
}
