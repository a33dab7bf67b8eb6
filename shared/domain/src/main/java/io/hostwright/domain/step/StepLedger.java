package io.hostwright.domain.step;

import io.hostwright.domain.service.StepStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the record of each step's runs, which makes a redelivered or duplicated step message harmless. A delivery
 * first claims its (step, attempt); only the claimant runs the step and sends what follows, and what follows is
 * written down before it is sent, so a crash in between is finished by the next delivery of the same message.
 */
public interface StepLedger {

    sealed interface ClaimResult permits Claimed, AlreadyRan, Busy {
    }

    /** This delivery runs the step; {@code operationId} is null for provisioning steps. */
    record Claimed(String serviceId, String operationId, int sequence, String step, int attempt)
            implements ClaimResult {
    }

    /** That attempt ran already; {@code unsent} is its follow-up when it was recorded but not marked sent. */
    record AlreadyRan(FollowUp unsent) implements ClaimResult {
    }

    /** Another delivery holds a live claim on this attempt: try again later. */
    record Busy(Instant leaseUntil) implements ClaimResult {
    }

    /**
     * Claims (step, attempt) unless that attempt or a later one was claimed before; an earlier claim of the same
     * attempt whose lease ran out (its delivery crashed) is taken over. Provisioning steps ({@code operationId}
     * null) and each operation's steps are recorded apart.
     */
    ClaimResult claim(String serviceId, String operationId, int sequence, String step, int attempt, Instant now,
                      Duration lease);

    /**
     * Records a claimed run's outcome and its follow-up (null when none), before the follow-up is sent; and where its
     * chain stands: waiting for that follow-up from {@code now} plus its delay, or, without one, ended.
     */
    void complete(Claimed claim, StepStatus status, String detail, FollowUp followUp, Instant now);

    /**
     * A chain of steps — a service's provisioning, or one operation — whose follow-up was due before then and whose
     * next run has not ended since: its message was lost, or its run keeps dying.
     *
     * @param operationId null for provisioning
     * @param resends     how often it was sent again already
     */
    record StalledChain(String serviceId, String operationId, FollowUp followUp, Instant due, int resends) {
    }

    /** Chains whose follow-up was due before {@code dueBefore} and did not end a run since, oldest first. */
    List<StalledChain> stalledChains(Instant dueBefore, int limit);

    /** The chain's follow-up was sent again: looked at again from {@code nextDue}. */
    void chainResent(StalledChain chain, Instant nextDue);

    /** Nothing more to wait for on this chain (its service or operation ended meanwhile). */
    void dropChain(StalledChain chain);

    /** The follow-up of this claim is on the queue. */
    void followUpSent(Claimed claim);

    /**
     * Lets a claim go whose run failed before it could record its end (a write refused, an unexpected error), so the
     * redelivery of the message takes the step over at once instead of after the lease. Nothing if it ended since.
     */
    void release(Claimed claim, Instant now);
}
