package io.hostwright.domain.licence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings the pool's copy of a connection's licences up to what the server lists, writing only the licences that
 * changed, and answers the pool as it is now. A licence the server no longer lists is kept with status OTHER.
 */
final class PoolMirror {

    private PoolMirror() {
    }

    static List<PooledLicence> refresh(LicencePool pool, String connectionId, List<ServerLicence> upstream) {
        Map<String, PooledLicence> known = new HashMap<>();
        for (PooledLicence pooled : pool.list(connectionId)) {
            known.put(pooled.licence().upstreamId(), pooled);
        }
        List<PooledLicence> now = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ServerLicence licence : upstream) {
            seen.add(licence.id());
            PooledLicence before = known.get(licence.id());
            PoolLicence listed = licence.pool();
            if (before == null || !Objects.equals(before.licence(), listed) || before.pricelist() != licence.pricelist()) {
                pool.mirror(connectionId, listed, licence.pricelist());
            }
            now.add(before == null ? new PooledLicence(connectionId, listed, licence.pricelist(), null, null)
                    : new PooledLicence(connectionId, listed, licence.pricelist(), before.heldBy(), before.heldSince(),
                    before.renewalFor()));
        }
        // gone upstream (an unpaid licence is deleted after 30 days): kept for the record, never offered again
        for (PooledLicence gone : known.values()) {
            PoolLicence l = gone.licence();
            if (!seen.contains(l.upstreamId()) && l.status() != PoolLicence.Status.OTHER) {
                pool.mirror(connectionId, new PoolLicence(l.upstreamId(), PoolLicence.Status.OTHER, l.name(), l.ip(),
                        l.expiresAt(), l.lastIpChange(), l.lastKeyChange()), gone.pricelist());
            }
        }
        return now;
    }

    /** Writes one licence as the server lists it now. */
    static void one(LicencePool pool, String connectionId, ServerLicence licence) {
        pool.mirror(connectionId, licence.pool(), licence.pricelist());
    }
}
