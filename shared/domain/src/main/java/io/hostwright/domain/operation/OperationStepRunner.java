package io.hostwright.domain.operation;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.licence.ReleaseLicence;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.StaffAlerts;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.LedgeredSteps;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepResult;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceChanges;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Use case: run one lifecycle-queue message, i.e. one step of an operation. The same guarantees as provisioning:
 * the (step, attempt) is claimed in the ledger so a duplicate does nothing, the follow-up is recorded before it is
 * sent, transient failures are retried with backoff up to {@link LedgeredSteps#MAX_FAILURES} in a row. At the plan's
 * turning point the service takes the kind's status; at the end the operation records how it ended and lets the
 * service's action lock go. A failure, or a back-end found changed by hand, is told to staff with the reason and
 * left visible on the service; the service keeps its status. A terminated service's licence goes back to the pool.
 */
public final class OperationStepRunner {

    private static final Logger LOG = Logger.getLogger(OperationStepRunner.class.getName());

    private final BackendRegistry backends;
    private final ServiceSecrets secrets;
    private final ServiceRepository services;
    private final OperationRepository operations;
    private final LedgeredSteps steps;
    private final StepQueue queue;
    private final StaffAlerts alerts;
    private final Backoff backoff;
    private final Clock clock;
    private final ReleaseLicence licences;

    /** A runner for deployments that sell no licences. */
    public OperationStepRunner(BackendRegistry backends, ServiceSecrets secrets, ServiceRepository services,
                               OperationRepository operations, StepLedger ledger, StepQueue queue, MailQueue mail,
                               Backoff backoff, Clock clock) {
        this(backends, secrets, services, operations, ledger, queue, mail, backoff, clock, null);
    }

    /**
     * @param secrets  the customer credentials, forgotten when a service is terminated
     * @param licences gives a terminated service's licence back to the pool; null where none are sold
     */
    public OperationStepRunner(BackendRegistry backends, ServiceSecrets secrets, ServiceRepository services,
                               OperationRepository operations, StepLedger ledger, StepQueue queue, MailQueue mail,
                               Backoff backoff, Clock clock, ReleaseLicence licences) {
        this.licences = licences;
        this.backends = backends;
        this.secrets = secrets;
        this.services = services;
        this.operations = operations;
        this.steps = new LedgeredSteps(ledger, queue, clock);
        this.queue = queue;
        this.alerts = new StaffAlerts(mail);
        this.backoff = backoff;
        this.clock = clock;
    }

    public StepResult handle(StepMessage request) {
        if (request.operationId() == null) {
            return StepResult.IGNORED;
        }
        Optional<Operation> foundOperation = operations.find(request.serviceId(), request.operationId());
        Optional<Service> foundService = services.findService(request.serviceId());
        if (foundOperation.isEmpty() || foundService.isEmpty() || foundOperation.get().status().ended()) {
            return StepResult.IGNORED;
        }
        Operation operation = foundOperation.get();
        Service service = foundService.get();
        LifecycleModule module = backends.lifecycle(service.backend()).orElse(null);
        OperationPlan plan = module == null ? null : module.plan(operation.kind()).orElse(null);
        if (plan == null) {
            end(operation, service, request.step(), OperationStatus.FAILED, backends.find(service.backend())
                    .map(b -> operation.kind().label() + " is not supported by the " + b.displayName() + " back-end")
                    .orElse("no back-end '" + service.backend() + "' is installed"));
            return StepResult.RAN;
        }
        if (StepMessage.FIRST_STEP.equals(request.step())) {
            return begin(operation, plan, request);
        }
        int sequence = plan.steps().indexOf(request.step()) + 1;
        if (sequence == 0) {
            return StepResult.IGNORED;
        }
        return steps.claimAndRun(service.serviceId(), sequence, request,
                claimed -> run(claimed, operation, service, module, plan, request));
    }

    private StepResult begin(Operation operation, OperationPlan plan, StepMessage request) {
        Operation current = operation;
        // the request marks the operation dispatched right after queueing this message: a lost race is normal
        for (int i = 0; i < 5 && current.status() == OperationStatus.QUEUED; i++) {
            // its first message is being handled, so it was dispatched, whoever wins the race to say so
            Operation running = current.markDispatched(clock.instant())
                    .withStatus(OperationStatus.RUNNING, "started", clock.instant());
            if (operations.replace(current, running)) {
                current = running;
                break;
            }
            current = operations.find(operation.serviceId(), operation.operationId()).orElseThrow();
        }
        if (current.status().ended()) {
            return StepResult.IGNORED;
        }
        if (current.status() == OperationStatus.QUEUED) {
            return StepResult.DEFERRED; // still changing under us: the redelivery reads it afresh
        }
        // a duplicate "begin" sends a duplicate first step, which the ledger turns into a no-op
        queue.enqueue(request.next(plan.steps().getFirst()), Duration.ZERO);
        return StepResult.RAN;
    }

    /**
     * Runs the step, then writes its consequences (service status and reason, operation end, staff alert) before
     * the ledger records the step's end: a crash in between is finished by the redelivery, which runs the step
     * again (every step is safe to repeat), so an operation cannot be left running with its lock held.
     */
    private void run(StepLedger.Claimed claimed, Operation operation, Service service, LifecycleModule module,
                     OperationPlan plan, StepMessage request) {
        StepOutcome outcome = LedgeredSteps.attempt(request, backoff,
                () -> module.run(operation, request.step(), service, request.tryNumber()));
        boolean turningPoint = plan.turningPoint().equals(request.step());
        switch (outcome) {
            case StepOutcome.Next next -> {
                if (turningPoint) {
                    reachTarget(operation, service);
                }
                note(operation, next.detail());
                finish(claimed, StepStatus.SUCCEEDED, next.detail(), new FollowUp(request.next(next.next()), Duration.ZERO));
            }
            case StepOutcome.Wait wait -> {
                updateService(service, s -> s.withReason(wait.detail(), clock.instant()));
                note(operation, wait.detail());
                finish(claimed, StepStatus.WAITING, wait.detail(), new FollowUp(request.waited(), wait.delay()));
            }
            case StepOutcome.Retry retry -> finish(claimed, StepStatus.WAITING, "retrying: " + retry.detail(),
                    new FollowUp(request.retried(), retry.delay()));
            case StepOutcome.Done done -> {
                if (turningPoint) {
                    reachTarget(operation, service);
                }
                if (operation.parameters().containsKey(RequestOperation.OS_TEMPLATE_ID)) {
                    updateService(service, s -> s.withOs(operation.parameters().get(RequestOperation.OS_TEMPLATE_ID),
                            operation.parameters().get(RequestOperation.OS_NAME), null, clock.instant()));
                } else if (!turningPoint && operation.kind().target() == ServiceStatus.TERMINATED) {
                    updateService(service, s -> s.withReason("terminated", clock.instant()));
                }
                end(operation, service, request.step(), OperationStatus.SUCCEEDED, done.detail());
                finish(claimed, StepStatus.SUCCEEDED, done.detail(), null);
            }
            case StepOutcome.Fail failure -> {
                end(operation, service, request.step(), OperationStatus.FAILED, failure.detail());
                finish(claimed, StepStatus.FAILED, failure.detail(), null);
            }
            case StepOutcome.Attention attention -> {
                end(operation, service, request.step(), OperationStatus.NEEDS_ATTENTION, attention.detail());
                finish(claimed, StepStatus.FAILED, attention.detail(), null);
            }
        }
    }

    /**
     * The service takes the kind's status (a suspension keeps staff's reason, which the customer was told). A service
     * that is no longer the customer's needs no credentials: they are deleted here, for every back-end alike.
     */
    private void reachTarget(Operation operation, Service service) {
        if (operation.kind().target() == ServiceStatus.TERMINATED) {
            secrets.deleteAll(service.serviceId());
            releaseLicence(service);
        }
        String reason = operation.kind().targetReason(operation.reason());
        updateService(service, s -> s.status() == operation.kind().target()
                ? (s.statusReason() == null && reason == null ? s : s.withReason(reason, clock.instant()))
                : s.status().canBecome(operation.kind().target())
                ? s.transitionTo(operation.kind().target(), reason, clock.instant()) : s);
    }

    /** Never holds the terminate up: a licence the server would not take back is finished by the daily run. */
    private void releaseLicence(Service service) {
        if (licences == null || service.sold().licence() == null) {
            return;
        }
        try {
            if (!licences.release(service)) {
                LOG.warning("the licence of " + service.serviceId() + " is left for the daily run to give back");
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "the licence of " + service.serviceId() + " is left for the daily run", unexpected);
        }
    }

    /**
     * Ends the operation (which lets its lock go). A failure is first told to staff (once per operation, however
     * often a redelivery gets here) and left visible on the service.
     */
    private void end(Operation operation, Service service, String step, OperationStatus status, String detail) {
        if (status != OperationStatus.SUCCEEDED) {
            String prefix = status == OperationStatus.NEEDS_ATTENTION ? "needs staff attention: " : "";
            String reason = prefix + operation.kind().label() + " "
                    + (status == OperationStatus.FAILED ? "failed" : "stopped") + " at " + step + ": " + detail;
            alerts.tell(service, "operation-" + operation.operationId() + "-"
                    + status.name().toLowerCase(java.util.Locale.ROOT), operation.kind().label() + " / " + step, reason);
            updateService(service, s -> s.withReason(reason, clock.instant()));
        }
        Operation current = operation;
        for (int i = 0; i < 5; i++) {
            current = operations.find(operation.serviceId(), operation.operationId()).orElseThrow();
            if (current.status().ended()
                    || operations.replace(current, current.withStatus(status, detail, clock.instant()))) {
                return;
            }
        }
        throw new IllegalStateException("operation " + operation.operationId() + " keeps changing under us");
    }

    /** Keeps the operation's latest detail for staff; losing this write to a concurrent one is harmless. */
    private void note(Operation operation, String detail) {
        operations.find(operation.serviceId(), operation.operationId())
                .filter(o -> !o.status().ended())
                .ifPresent(o -> operations.replace(o, o.withStatus(o.status(), detail, clock.instant())));
    }

    private void finish(StepLedger.Claimed claimed, StepStatus status, String detail, FollowUp followUp) {
        steps.finish(claimed, status, detail, followUp);
    }

    private void updateService(Service read, UnaryOperator<Service> change) {
        ServiceChanges.apply(services, read, change);
    }
}
