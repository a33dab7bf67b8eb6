package io.hostwright.domain.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: the record of which mails were sent, one entry per (serviceId, event). Every write is conditional, so two
 * deliveries of the same request, even at the same moment, cannot both hold a claim.
 */
public interface MailLog {

    /**
     * Takes the claim to send when nobody has, or when a previous holder's lease ran out without sending (it
     * crashed or timed out).
     */
    ClaimResult claim(String serviceId, String event, MailTemplate template, int recipients, Instant now, Duration lease);

    /**
     * Records the mail as sent, if {@code claim} is still the current one (or the mail service's record of the same
     * message got there first).
     *
     * @return false when another delivery took the claim over meanwhile (this one's lease had expired)
     */
    boolean markSent(MailClaim claim, Instant sentAt, String messageId);

    /**
     * The mail service says the mail went out: marks it sent whoever holds the claim (a holder that dies before its
     * {@link #markSent} leaves it to this), so no later delivery sends it again.
     *
     * @return false when the log knew it was sent already
     */
    boolean recordSent(String serviceId, String event, String messageId, Instant sentAt);

    /** Gives the claim up so a later delivery may send; does nothing when the claim is no longer this one. */
    void release(MailClaim claim);

    /** What {@link #claim} found. */
    sealed interface ClaimResult {
    }

    /** This delivery may send now. */
    record Claimed(MailClaim claim) implements ClaimResult {
    }

    /** The mail went out already; a duplicate delivery has nothing to do. */
    record AlreadySent(Instant sentAt) implements ClaimResult {
    }

    /** Another delivery is sending right now (its lease has not run out); try again after {@code leaseUntil}. */
    record HeldElsewhere(Instant leaseUntil) implements ClaimResult {
    }
}
