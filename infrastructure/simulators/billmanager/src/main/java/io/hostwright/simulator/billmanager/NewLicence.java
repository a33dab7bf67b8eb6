package io.hostwright.simulator.billmanager;

import java.time.Instant;
import java.util.Objects;

/**
 * A licence a test puts straight into the simulator ({@link BillManagerSimulator#addLicence}), as if ordered
 * earlier: it gets a key, and is active until {@code expiresAt} (an expiry already passed makes it suspended at
 * once, or gone when more than 30 days ago).
 *
 * @param lastIpChange  null: now
 * @param lastKeyChange null: now
 */
public record NewLicence(String name, String ip, long pricelist, int period, Instant expiresAt, Instant lastIpChange,
                         Instant lastKeyChange) {

    public NewLicence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("name must be 1 to 255 characters");
        }
        if (!Params.isIpv4(ip)) {
            throw new IllegalArgumentException("Not an IPv4 address: " + ip);
        }
        if (period != 1 && period != 12) {
            throw new IllegalArgumentException("period must be 1 or 12, got " + period);
        }
    }

    /** A pool licence ({@code free.lic}, {@code 0.0.0.0}) whose IP and key last changed at {@code lastChange}. */
    public static NewLicence free(long pricelist, Instant expiresAt, Instant lastChange) {
        return new NewLicence(Seed.FREE_NAME, Seed.FREE_IP, pricelist, 1, expiresAt, lastChange, lastChange);
    }
}
