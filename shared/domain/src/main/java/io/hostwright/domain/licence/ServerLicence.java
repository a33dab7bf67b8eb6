package io.hostwright.domain.licence;

import java.time.Instant;

/**
 * A licence as the licence server lists it.
 *
 * @param key its activation key (what the customer's panel needs)
 */
public record ServerLicence(String id, PoolLicence.Status status, String name, String ip, long pricelist,
                            Instant expiresAt, Instant lastIpChange, Instant lastKeyChange, String key) {

    /** What the pool rule reads. */
    public PoolLicence pool() {
        return new PoolLicence(id, status, name, ip, expiresAt, lastIpChange, lastKeyChange);
    }

    /** What ordering answers. */
    public record Ordered(String id, String key) {
        @Override
        public String toString() {
            return "Ordered[" + id + "]"; // never the key
        }
    }

    @Override
    public String toString() {
        return "ServerLicence[" + id + ", " + status + ", " + name + ", " + ip + ", " + expiresAt + "]";
    }
}
