package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use case: the daily licence renewal (seed 004: as long as the service is active, its licence is renewed). For each
 * licence connection it reads the server's list once and mirrors it, reads the services holding its licences at once
 * ({@link ServiceRepository#findServices}: a few batched reads, not one per licence), then renews — for the aligned
 * period — the licences of active services that run out within the lead time and that the customer has paid beyond;
 * licences of suspended services are not renewed; free licences are left to run out unless the connection keeps
 * them; licences still held by ended services go back to the pool. Each renewal is recorded in the pool before it is
 * asked for ({@link LicencePool#markRenewal}) and checked against the server's list after, so a run repeated the same
 * day or cut short never renews twice: the next run sees the new expiry, or the record. Staff get one report per run
 * that renewed, released or failed something.
 */
public final class RenewLicences {

    /** How long a recorded renewal stops other runs from asking again when the server does not show it yet. */
    public static final Duration RECORD_STANDS = Duration.ofHours(20);

    private static final Logger LOG = Logger.getLogger(RenewLicences.class.getName());

    private final LicenceConnections connections;
    private final LicencePool pool;
    private final ServiceRepository services;
    private final LicenceRecords records;
    private final ReleaseLicence release;
    private final MailQueue mail;
    private final Clock clock;

    /** @param release gives back the licences of ended services */
    public RenewLicences(LicencePorts ports, ServiceRepository services, ReleaseLicence release, MailQueue mail) {
        this.connections = ports.connections();
        this.pool = ports.pool();
        this.services = services;
        this.records = ports.records();
        this.release = release;
        this.mail = mail;
        this.clock = ports.clock();
    }

    /** One run over every licence connection; one that fails does not stop the others. */
    public List<RenewalReport> runAll(String runId) {
        List<RenewalReport> reports = new ArrayList<>();
        for (Connection connection : connections.all()) {
            reports.add(runOn(connection, runId));
        }
        return reports;
    }

    /** One connection's run, with its report to staff. */
    public RenewalReport runOn(Connection connection, String runId) {
        RenewalReport report;
        try {
            report = run(connection);
        } catch (BackendFailure failure) {
            report = RenewalReport.unreachable(connection.connectionId(), failure.getMessage());
        }
        tell(connection, runId, report);
        return report;
    }

    private record Asked(PooledLicence licence, String serviceId, int months) {
    }

    RenewalReport run(Connection connection) {
        LicenceConnections.Opened licences = connections.open(connection);
        Instant now = clock.instant();
        Instant horizon = now.plus(licences.terms().renewalLead());
        List<PooledLicence> pooled = PoolMirror.refresh(pool, licences.id(), licences.server().licences());
        Map<String, Service> holders = services.findServices(pooled.stream().map(PooledLicence::heldBy)
                .filter(Objects::nonNull).toList());
        List<String> failed = new ArrayList<>();
        List<Asked> asked = new ArrayList<>();
        int suspended = 0;
        int unpaid = 0;
        int freeExpiring = 0;
        int released = 0;
        for (PooledLicence licence : pooled) {
            boolean expiring = licence.licence().runsOutBy(horizon);
            if (licence.heldBy() == null) {
                if (expiring && licences.terms().keepFreeLicences() && licence.licence().free(now)) {
                    ask(licences, licence, null, licences.terms().tariffMonths().getOrDefault(licence.pricelist(), 1),
                            asked, failed);
                } else if (expiring) {
                    freeExpiring++;
                }
                continue;
            }
            Optional<Service> holder = Optional.ofNullable(holders.get(licence.heldBy()));
            if (holder.isEmpty() || holder.get().status() == ServiceStatus.TERMINATED) {
                if (release.release(licence.heldBy(), licences.id())) {
                    released++;
                } else {
                    failed.add("licence " + licence.licence().upstreamId() + " of ended service " + licence.heldBy()
                            + " could not be given back to the pool");
                }
                continue;
            }
            if (!expiring) {
                continue;
            }
            Service service = holder.get();
            if (service.status() != ServiceStatus.ACTIVE) {
                suspended++;
            } else if (service.paidUntil() != null && !service.paidUntil().isAfter(licence.licence().expiresAt())) {
                unpaid++;
            } else {
                int months = licences.terms().monthsToBuy(licence.pricelist(), service.billingCycle().months(),
                        service.productId());
                ask(licences, licence, service.serviceId(), months, asked, failed);
            }
        }
        List<String> renewed = asked.isEmpty() ? List.of() : check(licences, asked, failed);
        return new RenewalReport(licences.id(), renewed, failed, suspended, unpaid, freeExpiring, released, null);
    }

    private void ask(LicenceConnections.Opened licences, PooledLicence licence, String serviceId, int months,
                     List<Asked> asked, List<String> failed) {
        String id = licence.licence().upstreamId();
        if (!pool.markRenewal(licences.id(), id, licence.licence().expiresAt(), clock.instant(), RECORD_STANDS)) {
            LOG.info("licence " + id + ": its renewal from " + licence.licence().expiresAt()
                    + " is already recorded; not asked again");
            return;
        }
        try {
            licences.server().prolong(id, months);
            asked.add(new Asked(licence, serviceId, months));
        } catch (BackendFailure refused) {
            pool.clearRenewal(licences.id(), id);
            failed.add(describe(licence, serviceId) + ": " + refused.getMessage());
        }
    }

    /** The server's word on what was asked: renewed when its expiry moved on. */
    private List<String> check(LicenceConnections.Opened licences, List<Asked> asked, List<String> failed) {
        Map<String, ServerLicence> now = new HashMap<>();
        try {
            licences.server().licences().forEach(l -> now.put(l.id(), l));
        } catch (BackendFailure failure) {
            asked.forEach(a -> failed.add(describe(a.licence(), a.serviceId()) + ": asked for " + a.months()
                    + " month(s), not yet confirmed (" + failure.getMessage() + ")"));
            return List.of();
        }
        List<String> renewed = new ArrayList<>();
        for (Asked a : asked) {
            ServerLicence after = now.get(a.licence().licence().upstreamId());
            Instant before = a.licence().licence().expiresAt();
            if (after != null && after.expiresAt() != null && after.expiresAt().isAfter(before)) {
                PoolMirror.one(pool, licences.id(), after);
                if (a.serviceId() != null) {
                    records.find(a.serviceId()).ifPresent(r -> records.save(a.serviceId(), r.expiring(after.expiresAt())));
                }
                renewed.add(describe(a.licence(), a.serviceId()) + ": " + a.months() + " month(s), until "
                        + MailDates.date(after.expiresAt()));
            } else {
                failed.add(describe(a.licence(), a.serviceId()) + ": asked, but the server still shows it running out "
                        + (after == null ? "(no longer listed)" : "on " + MailDates.date(after.expiresAt())));
            }
        }
        return renewed;
    }

    private static String describe(PooledLicence licence, String serviceId) {
        return "licence " + licence.licence().upstreamId() + (serviceId == null ? " (free)" : " of service " + serviceId);
    }

    private void tell(Connection connection, String runId, RenewalReport report) {
        if (!report.worthTelling() || connection.department() == null || connection.department().isBlank()) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(MailVariables.CONNECTION, connection.connectionId());
        variables.put(MailVariables.REPORT, report.text());
        mail.enqueue(new MailRequest("licences:" + connection.connectionId(), "licence-renewal#" + runId,
                MailTemplate.STAFF_LICENCE_RENEWAL, List.of(connection.department()), variables));
    }
}
