package io.hostwright.domain.operation;

import java.time.Instant;
import java.util.Objects;

/**
 * "Something is being done to this service's server": held by one operation until it ends, or by one quick action
 * (power, rDNS…) for a short lease. Another action on the same service is refused while it is held.
 *
 * @param holderId   the operation id, or the id of the quick action
 * @param what       what holds it, for the 409 answer: {@code reinstall}, {@code power off}…
 * @param leaseUntil when a quick action's hold lapses by itself (a crashed call frees it); null for operations
 */
public record ActionLock(String serviceId, String holderId, String what, Instant since, Instant leaseUntil) {

    public ActionLock {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(holderId, "holderId");
    }

    public boolean heldAt(Instant now) {
        return leaseUntil == null || leaseUntil.isAfter(now);
    }
}
