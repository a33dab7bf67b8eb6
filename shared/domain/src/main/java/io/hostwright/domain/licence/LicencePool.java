package io.hostwright.domain.licence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the licence pool, mirrored from the licence server, and who holds each licence. Taking a licence is one
 * conditional write, so two services racing for the same free licence never both get it.
 */
public interface LicencePool {

    /** Records the licence as the server lists it; who holds it stays as it is. */
    void mirror(String connectionId, PoolLicence licence, long pricelist);

    /** The connection's licences, by id, with who holds each. */
    List<PooledLicence> list(String connectionId);

    /** Takes the licence for the service if nobody else holds it; true when it is the service's now (also again). */
    boolean take(String connectionId, String licenceId, String serviceId, Instant now);

    /** Gives the licence back, if the service held it; false when it did not. */
    boolean giveBack(String connectionId, String licenceId, String serviceId);

    /**
     * Records, before it is asked for, that the licence's renewal from {@code expiresAt} is being asked for. False
     * when it is already recorded for that expiry less than {@code stale} ago: another run is on it (or asked and the
     * server has not yet shown it), so this run must not ask again.
     */
    boolean markRenewal(String connectionId, String licenceId, Instant expiresAt, Instant now, Duration stale);

    /** Forgets the renewal record (the server refused it; the next run may ask again). */
    void clearRenewal(String connectionId, String licenceId);
}
