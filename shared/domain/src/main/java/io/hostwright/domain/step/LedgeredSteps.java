package io.hostwright.domain.step;

import io.hostwright.domain.service.StepStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ledger dance both step runners share: claim (step, attempt) so a duplicate does nothing (but re-sends a
 * follow-up that was recorded and never sent), run it once, and record its end with its follow-up before sending.
 */
public final class LedgeredSteps {

    /**
     * Transient failures of one step in a row before it is given up (a wait resets the count). With backoff from 5 s
     * doubling to 5 minutes (jittered: half to all of it), 16 tries last at least 25 minutes: a back-end down for
     * ten or twenty minutes is ridden out without anyone told; eight lasted as little as five.
     */
    public static final int MAX_FAILURES = 16;
    /** How long a delivery's claim on a step stands before another delivery may take it over. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final StepLedger ledger;
    private final StepQueue queue;
    private final Clock clock;

    public LedgeredSteps(StepLedger ledger, StepQueue queue, Clock clock) {
        this.ledger = ledger;
        this.queue = queue;
        this.clock = clock;
    }

    /** Runs {@code run} if this delivery claims the step's attempt. */
    public StepResult claimAndRun(String serviceId, int sequence, StepMessage request,
                                                     Consumer<StepLedger.Claimed> run) {
        return switch (ledger.claim(serviceId, request.operationId(), sequence, request.step(), request.attempt(),
                clock.instant(), LEASE)) {
            case StepLedger.Busy busy -> {
                queue.enqueue(request, Recheck.after(clock.instant(), busy.leaseUntil()));
                yield StepResult.REQUEUED;
            }
            case StepLedger.AlreadyRan ran -> {
                if (ran.unsent() != null) {
                    queue.enqueue(ran.unsent().request(), ran.unsent().delay());
                }
                yield StepResult.DUPLICATE;
            }
            case StepLedger.Claimed claimed -> {
                try {
                    run.accept(claimed);
                } catch (RuntimeException failed) {
                    releaseQuietly(claimed, failed);
                    throw failed;
                }
                yield StepResult.RAN;
            }
        };
    }

    /** A run that failed lets its claim go, so the message's redelivery need not wait for the lease. */
    private void releaseQuietly(StepLedger.Claimed claimed, RuntimeException failed) {
        try {
            ledger.release(claimed, clock.instant());
        } catch (RuntimeException alsoFailed) {
            failed.addSuppressed(alsoFailed); // the lease lets it go instead
        }
    }

    /** Records the claimed run's end and its follow-up (null when none), then sends the follow-up. */
    public void finish(StepLedger.Claimed claimed, StepStatus status, String detail, FollowUp followUp) {
        ledger.complete(claimed, status, detail, followUp, clock.instant());
        if (followUp != null) {
            queue.enqueue(followUp.request(), followUp.delay());
            ledger.followUpSent(claimed);
        }
    }

    /**
     * Runs a step's body: an unexpected exception counts as a transient failure, and the last failure the cap allows
     * becomes the step's failure.
     */
    public static StepOutcome attempt(StepMessage message, Backoff backoff, Supplier<StepOutcome> body) {
        StepOutcome outcome;
        try {
            outcome = body.get();
        } catch (RuntimeException unexpected) {
            outcome = new StepOutcome.Retry(backoff.delay(message.tryNumber()),
                    "unexpected error: " + unexpected.getClass().getSimpleName());
        }
        if (outcome instanceof StepOutcome.Retry retry && message.tryNumber() >= MAX_FAILURES) {
            return new StepOutcome.Fail("gave up after " + message.tryNumber() + " attempts: " + retry.detail());
        }
        return outcome;
    }
}
