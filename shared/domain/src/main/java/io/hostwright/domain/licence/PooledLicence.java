package io.hostwright.domain.licence;

import java.time.Instant;

/**
 * A licence of the pool: as the server listed it, and which service holds it (null: none).
 *
 * @param heldSince  when the service took it; null when nobody holds it
 * @param renewalFor the expiry a renewal was last asked from (see {@link LicencePool#markRenewal}); null: none
 */
public record PooledLicence(String connectionId, PoolLicence licence, long pricelist, String heldBy,
                            Instant heldSince, Instant renewalFor) {

    public PooledLicence(String connectionId, PoolLicence licence, long pricelist, String heldBy, Instant heldSince) {
        this(connectionId, licence, pricelist, heldBy, heldSince, null);
    }

    /** Free for a new service: nobody here holds it and the server says it is free. */
    public boolean available(Instant now) {
        return heldBy == null && licence.free(now);
    }
}
