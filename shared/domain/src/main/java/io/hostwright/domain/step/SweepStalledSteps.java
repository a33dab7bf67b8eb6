package io.hostwright.domain.step;

import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.StaffAlerts;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Use case: the safety net under every chain of steps. Each step run records where its chain stands — the
 * follow-up it sent and when that is due ({@link StepLedger#complete}); a chain whose follow-up was due more than
 * {@link #GRACE} ago without a run ending since lost its message (or its run keeps dying), and nothing else would
 * ever move it. Its follow-up is sent again (the ledger makes a copy of a message that did arrive harmless), at most
 * {@link #MAX_RESENDS} times, {@link #GRACE} apart, then staff of the service's department are told once (the
 * staff-failure mail) and the chain is dropped; a chain of a service or operation that ended is dropped.
 * Runs on the sweeper's schedule.
 */
public final class SweepStalledSteps {

    /** Longer than a step's claim ({@link LedgeredSteps#LEASE}): a run still going is never mistaken for lost. */
    public static final Duration GRACE = Duration.ofMinutes(10);
    public static final int MAX_RESENDS = 3;
    private static final int BATCH = 100;

    private final StepLedger ledger;
    private final ServiceRepository services;
    private final OperationRepository operations;
    private final StepQueue provisioning;
    private final StepQueue lifecycle;
    private final StaffAlerts alerts;
    private final Clock clock;

    public SweepStalledSteps(StepLedger ledger, ServiceRepository services, OperationRepository operations,
                             StepQueue provisioning, StepQueue lifecycle, MailQueue mail, Clock clock) {
        this.ledger = ledger;
        this.services = services;
        this.operations = operations;
        this.provisioning = provisioning;
        this.lifecycle = lifecycle;
        this.alerts = new StaffAlerts(mail);
        this.clock = clock;
    }

    /**
     * Outcome of one sweep, for logs and metrics.
     *
     * @param givenUp chains sent again {@link #MAX_RESENDS} times that still did not move: dropped, for staff to look at
     */
    public record Result(int resent, int dropped, List<StepLedger.StalledChain> givenUp, int failed) {
    }

    public Result sweep() {
        List<StepLedger.StalledChain> stalled = ledger.stalledChains(clock.instant().minus(GRACE), BATCH);
        int resent = 0;
        int dropped = 0;
        int failed = 0;
        List<StepLedger.StalledChain> givenUp = new java.util.ArrayList<>();
        for (StepLedger.StalledChain chain : stalled) {
            try {
                Optional<Service> service = services.findService(chain.serviceId());
                if (ended(chain, service)) {
                    ledger.dropChain(chain);
                    dropped++;
                } else if (chain.resends() >= MAX_RESENDS) {
                    String step = chain.followUp().request().step();
                    alerts.tell(service.orElseThrow(), "stalled-steps#" + (chain.operationId() == null
                            ? "provisioning" : chain.operationId()) + "#" + chain.due(), step, "its next step (" + step
                            + ", attempt " + chain.followUp().request().attempt() + ") was sent again " + MAX_RESENDS
                            + " times, " + GRACE.toMinutes() + " minutes apart, and never ran; nothing will move it"
                            + " on its own");
                    ledger.dropChain(chain);
                    givenUp.add(chain);
                } else {
                    (chain.operationId() == null ? provisioning : lifecycle).enqueue(chain.followUp().request());
                    ledger.chainResent(chain, clock.instant());
                    resent++;
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Result(resent, dropped, List.copyOf(givenUp), failed);
    }

    /**
     * An operation's chain ends with the operation (a termination goes on after its service is TERMINATED, until the
     * server is wiped); a provisioning chain with its service, gone, FAILED or TERMINATED.
     */
    private boolean ended(StepLedger.StalledChain chain, Optional<Service> service) {
        if (service.isEmpty()) {
            return true;
        }
        if (chain.operationId() != null) {
            return operations.find(chain.serviceId(), chain.operationId()).map(Operation::status)
                    .map(status -> status.ended()).orElse(true);
        }
        return service.get().status() == ServiceStatus.TERMINATED
                || service.get().status() == ServiceStatus.FAILED;
    }
}
