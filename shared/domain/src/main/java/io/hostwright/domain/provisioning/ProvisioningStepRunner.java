package io.hostwright.domain.provisioning;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicenceAttempt;
import io.hostwright.domain.licence.LicenceMails;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.StaffAlerts;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceChanges;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.LedgeredSteps;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepResult;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Use case: run one provisioning message. Claims the (step, attempt) in the ledger so a duplicate does nothing,
 * runs the module's step, records the outcome on the service, and sends the follow-up: the next step, the same step
 * later (waiting or retrying with backoff), or nothing. A step that cannot succeed fails the service with its reason
 * and tells the product's staff department.
 *
 * <p>When the back-end has delivered the server, what was sold with it is attached before the customer is told it is
 * ready: a control-panel licence. A licence that cannot be got yet never holds the server back — the service becomes
 * ACTIVE with its licence pending, staff are told, and the {@value #LICENCE_STEP} step tries again until it is there.
 */
public final class ProvisioningStepRunner {

    /** The step that attaches a licence the server was delivered without. */
    public static final String LICENCE_STEP = "attach-licence";

    private final BackendRegistry backends;
    private final AttachLicence licences;
    private final ServiceRepository services;
    private final StaffAlerts alerts;
    private final LedgeredSteps steps;
    private final StepQueue queue;
    private final MailQueue mail;
    private final Backoff backoff;
    private final Clock clock;

    /** @param licences attaches licences; null where none are sold (a service sold with one then waits for it) */
    public ProvisioningStepRunner(BackendRegistry backends, AttachLicence licences, ServiceRepository services,
                                  StepLedger ledger, StepQueue queue, MailQueue mail, Backoff backoff, Clock clock) {
        this.backends = backends;
        this.licences = licences;
        this.services = services;
        this.alerts = new StaffAlerts(mail);
        this.steps = new LedgeredSteps(ledger, queue, clock);
        this.queue = queue;
        this.mail = mail;
        this.backoff = backoff;
        this.clock = clock;
    }

    public StepResult handle(StepMessage request) {
        Optional<Service> found = services.findService(request.serviceId());
        if (found.isEmpty()) {
            return StepResult.IGNORED;
        }
        Service service = found.get();
        ProvisioningModule module = backends.provisioning(service.backend()).orElse(null);
        if (module == null) {
            fail(service, request.step(), backends.find(service.backend())
                    .map(b -> "the " + b.displayName() + " back-end does not provision services")
                    .orElse("no back-end '" + service.backend() + "' is installed"));
            return StepResult.RAN;
        }
        if (StepMessage.FIRST_STEP.equals(request.step())) {
            return begin(service, module);
        }
        if (LICENCE_STEP.equals(request.step())) {
            return retryLicence(service, module, request);
        }
        int sequence = module.steps().indexOf(request.step()) + 1;
        if (sequence == 0 || service.status() != ServiceStatus.PROVISIONING) {
            return StepResult.IGNORED;
        }
        return steps.claimAndRun(service.serviceId(), sequence, request, claimed -> run(claimed, service, module, request));
    }

    private StepResult begin(Service service, ProvisioningModule module) {
        if (service.status() == ServiceStatus.PENDING) {
            Service provisioning = service.transitionTo(ServiceStatus.PROVISIONING, "provisioning started", clock.instant());
            if (!services.replace(service, provisioning)) {
                return StepResult.DEFERRED; // changed under us: the redelivery reads it afresh
            }
        } else if (service.status() != ServiceStatus.PROVISIONING) {
            return StepResult.IGNORED;
        }
        // a duplicate "begin" sends a duplicate first step, which the ledger turns into a no-op
        queue.enqueue(new StepMessage(service.serviceId(), service.orderId(), service.backend(),
                module.steps().getFirst(), 1));
        return StepResult.RAN;
    }

    /**
     * Runs the step, then writes what it changed on the service (and tells staff) before the ledger records the
     * step's end: a crash in between is finished by the redelivery, which runs the step again (every step is safe
     * to repeat) instead of finding it done with its consequences missing.
     */
    private void run(StepLedger.Claimed claimed, Service service, ProvisioningModule module, StepMessage request) {
        StepOutcome outcome = LedgeredSteps.attempt(request, backoff,
                () -> module.run(request.step(), service, request.tryNumber()));
        switch (outcome) {
            case StepOutcome.Next next -> finish(claimed, StepStatus.SUCCEEDED, next.detail(),
                    new FollowUp(request.next(next.next()), Duration.ZERO));
            case StepOutcome.Wait wait -> {
                updateService(service, s -> s.withReason(wait.detail(), clock.instant()));
                finish(claimed, StepStatus.WAITING, wait.detail(), new FollowUp(request.waited(), wait.delay()));
            }
            case StepOutcome.Retry retry -> finish(claimed, StepStatus.WAITING,
                    "retrying: " + retry.detail(), new FollowUp(request.retried(), retry.delay()));
            case StepOutcome.Done done -> {
                FollowUp licenceLater = deliver(service, done, request);
                updateService(service, s -> s.status().canBecome(ServiceStatus.ACTIVE)
                        ? s.transitionTo(ServiceStatus.ACTIVE, null, clock.instant()) : s);
                finish(claimed, StepStatus.SUCCEEDED, done.detail(), licenceLater);
            }
            case StepOutcome.Fail failure -> {
                fail(service, request.step(), failure.detail());
                finish(claimed, StepStatus.FAILED, failure.detail(), null);
            }
            case StepOutcome.Attention attention -> {
                fail(service, request.step(), "needs staff attention: " + attention.detail());
                finish(claimed, StepStatus.FAILED, attention.detail(), null);
            }
        }
    }

    /**
     * Attaches the licence, then sends the mails that say the service is ready, with the licence's part in them.
     * Answers the retry of a licence that is not there yet, else null. Safe to repeat: attaching finds what an
     * earlier delivery attached, and each mail goes once.
     */
    private FollowUp deliver(Service service, StepOutcome.Done done, StepMessage request) {
        LicenceAttempt attempt = attachLicence(service, done.mainIp());
        for (MailRequest announcement : done.announce()) {
            mail.enqueue(announcement.template() == MailTemplate.SERVER_READY
                    ? LicenceMails.onReady(announcement, attempt) : announcement);
        }
        if (attempt instanceof LicenceAttempt.Pending pending) {
            tellStaff(service, pending);
            return new FollowUp(request.next(LICENCE_STEP), backoff.delay(1));
        }
        return null;
    }

    private LicenceAttempt attachLicence(Service service, String mainIp) {
        if (service.sold().licence() == null) {
            return new LicenceAttempt.NotWanted();
        }
        if (licences == null) {
            SoldLicence sold = service.sold().licence();
            String reason = "this deployment does not attach licences";
            return new LicenceAttempt.Pending(new LicenceRecord(LicenceRecord.State.PENDING, sold.connectionId(),
                    sold.pricelist(), sold.panel(), mainIp, null, null, false, reason, clock.instant()), reason);
        }
        return licences.attach(service, mainIp);
    }

    /** A delivered server's licence, tried again until it is there (or the service ends); never gives up. */
    private StepResult retryLicence(Service service, ProvisioningModule module, StepMessage request) {
        if (service.status() != ServiceStatus.ACTIVE && service.status() != ServiceStatus.SUSPENDED) {
            return StepResult.IGNORED;
        }
        return steps.claimAndRun(service.serviceId(), module.steps().size() + 1, request, claimed -> {
            LicenceAttempt attempt = attachLicence(service, null);
            switch (attempt) {
                case LicenceAttempt.Attached attached -> {
                    mail.enqueue(LicenceMails.ready(service, attached.record()));
                    finish(claimed, StepStatus.SUCCEEDED, "licence " + attached.record().licenceId() + " attached",
                            null);
                }
                case LicenceAttempt.Pending pending -> {
                    tellStaff(service, pending);
                    // the customer reads the steps: the reason (a reseller's balance…) is for staff's view and mail
                    finish(claimed, StepStatus.WAITING, "control-panel licence pending, tried again shortly",
                            new FollowUp(request.waited(), backoff.delay(Math.min(request.attempt(), 10))));
                }
                case LicenceAttempt.NotWanted none -> finish(claimed, StepStatus.SUCCEEDED, "no licence to attach",
                        null);
            }
        });
    }

    private void tellStaff(Service service, LicenceAttempt.Pending pending) {
        MailRequest notice = LicenceMails.pending(service, pending.record(), pending.reason());
        if (notice != null) {
            mail.enqueue(notice);
        }
    }

    private void finish(StepLedger.Claimed claimed, StepStatus status, String detail, FollowUp followUp) {
        steps.finish(claimed, status, detail, followUp);
    }

    /** Staff first: the alert is sent once per service however often a redelivery gets here. */
    private void fail(Service service, String step, String reason) {
        alerts.tell(service, "provisioning-failed", step, reason);
        updateService(service, s -> s.status().canBecome(ServiceStatus.FAILED)
                ? s.transitionTo(ServiceStatus.FAILED, reason, clock.instant()) : s);
    }

    private void updateService(Service read, UnaryOperator<Service> change) {
        ServiceChanges.apply(services, read, change);
    }
}
