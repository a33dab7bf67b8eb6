package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.SoldLicence;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Use case: a service ended, so its licence goes back to the pool (seed 004: a licence outliving its service is
 * reused): renamed {@value PoolLicence#FREE_NAME}, moved to {@value PoolLicence#FREE_IP}, given back, its key
 * forgotten. If the licence server fails, the licence is marked {@code RELEASE_PENDING} and the daily run finishes
 * it; nothing is lost. Safe to run again.
 */
public final class ReleaseLicence {

    /** As for attaching: it runs inside the terminate, which a hung licence server must not hold up. */
    private static final Duration BUDGET = AttachLicence.BUDGET;

    private final LicenceConnections connections;
    private final LicencePool pool;
    private final LicenceRecords records;
    private final ServiceSecrets secrets;
    private final Clock clock;

    public ReleaseLicence(LicencePorts ports) {
        this.connections = ports.connections();
        this.pool = ports.pool();
        this.records = ports.records();
        this.secrets = ports.secrets();
        this.clock = ports.clock();
    }

    /** @return true when nothing of the service's licence is left to release */
    public boolean release(Service service) {
        SoldLicence sold = service.sold().licence();
        return sold == null || release(service.serviceId(), sold.connectionId());
    }

    /**
     * Gives back whatever the service holds on the licence connection — what its record names, and also what an
     * attempt cut short before recording it left held in the pool or named for the service upstream.
     *
     * @param connectionId where to look when the service has no record; the record's connection otherwise
     * @return true when nothing of the service's licence is left to release
     */
    public boolean release(String serviceId, String connectionId) {
        Optional<LicenceRecord> found = records.find(serviceId);
        String on = found.map(LicenceRecord::connectionId).orElse(connectionId);
        if (on == null) {
            return true;
        }
        try {
            LicenceConnections.Opened licences = connections.open(on).within(BUDGET);
            for (PooledLicence held : pool.list(licences.id())) {
                if (serviceId.equals(held.heldBy())) {
                    giveBack(licences, held.licence().upstreamId(), serviceId);
                }
            }
            for (ServerLicence listed : licences.server().licences()) {
                if (AttachLicence.namedFor(listed, serviceId)) {
                    giveBack(licences, listed.id(), serviceId);
                }
            }
            secrets.delete(serviceId, LicenceRecord.KEY_SECRET);
            found.filter(r -> r.state() != LicenceRecord.State.RETURNED).ifPresent(r ->
                    records.save(serviceId, r.with(LicenceRecord.State.RETURNED, null, clock.instant())));
            return true;
        } catch (BackendFailure failure) {
            found.ifPresent(r -> records.save(serviceId, r.with(LicenceRecord.State.RELEASE_PENDING,
                    failure.getMessage(), clock.instant())));
            return false;
        }
    }

    private void giveBack(LicenceConnections.Opened licences, String id, String serviceId) {
        licences.server().edit(id, PoolLicence.FREE_NAME, PoolLicence.FREE_IP);
        licences.server().licences().stream().filter(l -> l.id().equals(id)).findFirst()
                .ifPresent(l -> PoolMirror.one(pool, licences.id(), l));
        pool.giveBack(licences.id(), id, serviceId);
    }
}
