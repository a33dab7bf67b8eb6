package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.SoldLicence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use case: gets the control-panel licence a service was sold with onto its server's main IP (seed 004). A free
 * licence of the same panel is taken from the pool — one conditional write, so two services never get the same one —,
 * renamed after the service, moved to the IP, given a new key and renewed if it would run out within the lead time;
 * if any of that fails it is put back (name and IP reset, given back in the pool). With no free licence one is
 * ordered for the aligned period. Safe to run again at any point: a licence already named for the service (an
 * earlier attempt that got this far) or held by it in the pool is finished instead of another being taken or bought.
 * A failure never throws: the attempt is {@link LicenceAttempt.Pending} with the reason.
 */
public final class AttachLicence {

    /**
     * How long one attempt may keep asking the licence server: it runs inside the function that delivered the server,
     * so a hung licence server must end the attempt (the licence stays pending and is retried), not the invocation.
     */
    static final Duration BUDGET = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(AttachLicence.class.getName());

    private final LicenceConnections connections;
    private final LicencePool pool;
    private final LicenceRecords records;
    private final ServiceSecrets secrets;
    private final Clock clock;

    public AttachLicence(LicencePorts ports) {
        this.connections = ports.connections();
        this.pool = ports.pool();
        this.records = ports.records();
        this.secrets = ports.secrets();
        this.clock = ports.clock();
    }

    /** The name a licence carries while a service holds it: its label, and its id to find it by. */
    public static String nameFor(Service service) {
        return service.label() + " [" + service.serviceId() + "]";
    }

    static boolean namedFor(ServerLicence licence, String serviceId) {
        return licence.name() != null && licence.name().endsWith("[" + serviceId + "]");
    }

    /** @param mainIp the server's main IP; null to use the one the first attempt was given (a retry) */
    public LicenceAttempt attach(Service service, String mainIp) {
        SoldLicence wanted = service.sold().licence();
        if (wanted == null) {
            return new LicenceAttempt.NotWanted();
        }
        Instant now = clock.instant();
        LicenceRecord record = records.find(service.serviceId()).orElse(new LicenceRecord(LicenceRecord.State.PENDING,
                wanted.connectionId(), wanted.pricelist(), wanted.panel(), mainIp, null, null, false, null, now));
        if (record.state() == LicenceRecord.State.ACTIVE) {
            return new LicenceAttempt.Attached(record);
        }
        if (record.state() != LicenceRecord.State.PENDING) {
            return new LicenceAttempt.NotWanted(); // given back: the service ended
        }
        if (mainIp == null) {
            mainIp = record.serverIp();
        } else if (!mainIp.equals(record.serverIp())) {
            record = record.on(mainIp);
        }
        if (mainIp == null || mainIp.isBlank()) {
            return pending(service, record, "the server has no main IP yet");
        }
        try {
            LicenceConnections.Opened licences = connections.open(wanted.connectionId()).within(BUDGET);
            List<ServerLicence> upstream = licences.server().licences();
            Optional<ServerLicence> ours = upstream.stream().filter(l -> namedFor(l, service.serviceId())).findFirst();
            if (ours.isPresent()) {
                return adopt(service, record, licences, ours.get(), mainIp);
            }
            List<PooledLicence> pooled = PoolMirror.refresh(pool, licences.id(), upstream);
            for (PooledLicence candidate : candidates(pooled, service, wanted, licences.terms(), now)) {
                if (pool.take(licences.id(), candidate.licence().upstreamId(), service.serviceId(), now)) {
                    // renewed, if it must be, on its own tariff: a yearly one of the same panel renews for a year
                    return reuse(service, record, licences, candidate, mainIp, licences.terms().monthsToBuy(
                            candidate.pricelist(), service.billingCycle().months(), service.productId()));
                }
            }
            ServerLicence.Ordered ordered = licences.server().order(mainIp, nameFor(service), wanted.pricelist(),
                    licences.terms().monthsToBuy(wanted.pricelist(), service.billingCycle().months(),
                            service.productId()));
            secrets.put(service.serviceId(), LicenceRecord.KEY_SECRET, ordered.key());
            ServerLicence bought = find(licences, ordered.id());
            PoolMirror.one(pool, licences.id(), bought);
            pool.take(licences.id(), bought.id(), service.serviceId(), now);
            return attached(service, record.attached(bought.id(), bought.expiresAt(), false, now));
        } catch (BackendFailure failure) {
            return pending(service, record, failure.getMessage());
        }
    }

    /** Those the service may take: one it already holds first, then free ones of its panel, latest expiry first. */
    private static List<PooledLicence> candidates(List<PooledLicence> pooled, Service service, SoldLicence wanted,
                                                  LicenceTerms terms, Instant now) {
        List<PooledLicence> mine = pooled.stream().filter(p -> service.serviceId().equals(p.heldBy())).toList();
        List<PooledLicence> free = new ArrayList<>(pooled.stream()
                .filter(p -> p.available(now) && terms.samePanel(p.pricelist(), wanted.pricelist())).toList());
        free.sort(Comparator.comparing((PooledLicence p) -> p.licence().expiresAt()).reversed()
                .thenComparing(p -> p.licence().upstreamId()));
        // racing orders start at different places, so they contend less for the same licence
        if (!free.isEmpty()) {
            int start = Math.floorMod(service.serviceId().hashCode(), free.size());
            List<PooledLicence> rotated = new ArrayList<>(free.subList(start, free.size()));
            rotated.addAll(free.subList(0, start));
            free = rotated;
        }
        List<PooledLicence> all = new ArrayList<>(mine);
        all.addAll(free);
        return all;
    }

    private LicenceAttempt reuse(Service service, LicenceRecord record, LicenceConnections.Opened licences,
                                 PooledLicence taken, String mainIp, int months) {
        String id = taken.licence().upstreamId();
        LicenceServer server = licences.server();
        try {
            server.edit(id, nameFor(service), mainIp);
            String key = server.newKey(id);
            secrets.put(service.serviceId(), LicenceRecord.KEY_SECRET, key);
            Instant expiry = taken.licence().expiresAt();
            if (expiry == null || expiry.isBefore(clock.instant().plus(licences.terms().renewalLead()))) {
                server.prolong(id, months);
            }
            activate(server, id, taken.licence().status());
            ServerLicence now = find(licences, id);
            PoolMirror.one(pool, licences.id(), now);
            return attached(service, record.attached(id, now.expiresAt(), true, clock.instant()));
        } catch (BackendFailure failure) {
            putBack(licences, id, service.serviceId());
            return pending(service, record, "reusing licence " + id + " failed, it is back in the pool: "
                    + failure.getMessage());
        }
    }

    /** A licence an earlier attempt renamed for the service: make sure of the rest and keep it. */
    private LicenceAttempt adopt(Service service, LicenceRecord record, LicenceConnections.Opened licences,
                                 ServerLicence licence, String mainIp) {
        LicenceServer server = licences.server();
        if (!mainIp.equals(licence.ip())) {
            server.edit(licence.id(), null, mainIp);
        }
        if (licence.expiresAt() != null && licence.expiresAt().isAfter(clock.instant())) {
            activate(server, licence.id(), licence.status()); // the earlier attempt may have stopped short of it
        }
        pool.mirror(licences.id(), licence.pool(), licence.pricelist());
        pool.take(licences.id(), licence.id(), service.serviceId(), clock.instant());
        if (secrets.get(service.serviceId(), LicenceRecord.KEY_SECRET).isEmpty()) {
            String key = licence.key() == null ? server.newKey(licence.id()) : licence.key();
            secrets.put(service.serviceId(), LicenceRecord.KEY_SECRET, key);
        }
        ServerLicence now = find(licences, licence.id());
        PoolMirror.one(pool, licences.id(), now);
        return attached(service, record.attached(licence.id(), now.expiresAt(), record.reused(), clock.instant()));
    }

    /**
     * A pool licence may be suspended (by hand upstream, still paid for: the pool takes active and suspended ones);
     * reuse activates it, as BILLmanager's own reuse does, or its new server's panel would not run.
     */
    private static void activate(LicenceServer server, String id, PoolLicence.Status status) {
        if (status == PoolLicence.Status.SUSPENDED) {
            server.resume(id);
        }
    }

    /** Name and IP reset upstream (best effort: a licence still named for the service is adopted next time). */
    private void putBack(LicenceConnections.Opened licences, String id, String serviceId) {
        try {
            licences.server().edit(id, PoolLicence.FREE_NAME, PoolLicence.FREE_IP);
            PoolMirror.one(pool, licences.id(), find(licences, id));
        } catch (BackendFailure failure) {
            LOG.warning("licence " + id + " could not be reset for the pool: " + failure.getMessage());
        }
        pool.giveBack(licences.id(), id, serviceId);
    }

    private static ServerLicence find(LicenceConnections.Opened licences, String id) {
        return licences.server().licences().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new BackendFailure.Transient("licence " + id + " is not listed by the licence"
                        + " server yet", 0, null, null));
    }

    private LicenceAttempt attached(Service service, LicenceRecord record) {
        records.save(service.serviceId(), record);
        return new LicenceAttempt.Attached(record);
    }

    private LicenceAttempt pending(Service service, LicenceRecord record, String reason) {
        LicenceRecord pending = record.with(LicenceRecord.State.PENDING, reason, clock.instant());
        records.save(service.serviceId(), pending);
        return new LicenceAttempt.Pending(pending, reason);
    }
}
