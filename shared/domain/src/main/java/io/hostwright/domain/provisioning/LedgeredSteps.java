package io.hostwright.domain.provisioning;

import io.hostwright.domain.service.StepStatus;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The ledger dance both step runners share: claim (step, attempt) so a duplicate does nothing (but re-sends a
 * follow-up that was recorded and never sent), run it once, and record its end with its follow-up before sending.
 */
public final class LedgeredSteps {

    private final StepLedger ledger;
    private final ProvisioningQueue queue;
    private final Clock clock;

    public LedgeredSteps(StepLedger ledger, ProvisioningQueue queue, Clock clock) {
        this.ledger = ledger;
        this.queue = queue;
        this.clock = clock;
    }

    /** Runs {@code run} if this delivery claims the step's attempt. */
    public ProvisioningStepRunner.Result claimAndRun(String serviceId, int sequence, ProvisioningRequest request,
                                                     Consumer<StepLedger.Claimed> run) {
        return switch (ledger.claim(serviceId, request.operationId(), sequence, request.step(), request.attempt(),
                clock.instant(), ProvisioningStepRunner.LEASE)) {
            case StepLedger.Busy busy -> ProvisioningStepRunner.Result.DEFERRED;
            case StepLedger.AlreadyRan ran -> {
                if (ran.unsent() != null) {
                    queue.enqueue(ran.unsent().request(), ran.unsent().delay());
                }
                yield ProvisioningStepRunner.Result.DUPLICATE;
            }
            case StepLedger.Claimed claimed -> {
                run.accept(claimed);
                yield ProvisioningStepRunner.Result.RAN;
            }
        };
    }

    /** Records the claimed run's end and its follow-up (null when none), then sends the follow-up. */
    public void finish(StepLedger.Claimed claimed, StepStatus status, String detail, FollowUp followUp) {
        ledger.complete(claimed, status, detail, followUp, clock.instant());
        if (followUp != null) {
            queue.enqueue(followUp.request(), followUp.delay());
            ledger.followUpSent(claimed);
        }
    }
}
