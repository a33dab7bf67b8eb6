package io.hostwright.domain.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: send the mail of one (serviceId, event) at most once, however often and however concurrently the
 * request is delivered.
 *
 * <p>Render first (pure, and a request that can never render leaves nothing behind), then claim the event in the
 * {@link MailLog}, send, and record it as sent. A delivery that finds the mail sent does nothing; one that finds
 * another delivery holding a live claim answers {@link RetryLater}; a send that fails releases the claim and
 * rethrows so the queue delivers the request again.
 *
 * <p>The lease must outlast one send (the mailer's timeout) so a live holder never loses its claim, and be shorter
 * than the queue's visibility timeout so the redelivery after a crashed holder finds it expired.
 */
public final class SendLifecycleMail {

    /** Longer than the mailer's 30 s timeout, shorter than the mail queue's 3 min visibility timeout. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    /** What became of one request. */
    public sealed interface Outcome {
    }

    /**
     * Sent now. {@code recorded} is false when the log could not be updated afterwards (the lease ran out, or the
     * table failed): the mail went out all the same and must not be retried.
     */
    public record Sent(String messageId, boolean recorded) implements Outcome {
    }

    /** A duplicate delivery: the mail went out at {@code sentAt}. */
    public record AlreadySent(Instant sentAt) implements Outcome {
    }

    /** Another delivery is sending it right now; deliver this request again after {@code leaseUntil}. */
    public record RetryLater(Instant leaseUntil) implements Outcome {
    }

    private final MailRenderer renderer;
    private final MailLog log;
    private final MailSender sender;
    private final Clock clock;
    private final Duration lease;

    public SendLifecycleMail(MailRenderer renderer, MailLog log, MailSender sender, Clock clock, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        this.renderer = renderer;
        this.log = log;
        this.sender = sender;
        this.clock = clock;
        this.lease = lease;
    }

    public SendLifecycleMail(MailRenderer renderer, MailLog log, MailSender sender, Clock clock) {
        this(renderer, log, sender, clock, DEFAULT_LEASE);
    }

    /**
     * @throws UnrenderableMail when the request can never be rendered (nothing was claimed or sent)
     * @throws RuntimeException from the sender or the log when the mail was not sent; the claim, if taken, was
     *                          released, so a redelivery will try again
     */
    public Outcome send(MailRequest request) {
        RenderedMail mail = renderer.render(request);
        MailLog.ClaimResult result = log.claim(request.serviceId(), request.event(), request.template(),
                request.to().size(), clock.instant(), lease);
        return switch (result) {
            case MailLog.AlreadySent sent -> new AlreadySent(sent.sentAt());
            case MailLog.HeldElsewhere held -> new RetryLater(held.leaseUntil());
            case MailLog.Claimed claimed -> sendClaimed(claimed.claim(), request, mail);
        };
    }

    private Outcome sendClaimed(MailClaim claim, MailRequest request, RenderedMail mail) {
        String messageId;
        try {
            messageId = sender.send(request.to(), mail);
        } catch (RuntimeException sendFailure) {
            try {
                log.release(claim);
            } catch (RuntimeException releaseFailure) {
                // the lease still runs out, so a later delivery can take the claim over
                sendFailure.addSuppressed(releaseFailure);
            }
            throw sendFailure;
        }
        boolean recorded;
        try {
            recorded = log.markSent(claim, clock.instant(), messageId);
        } catch (RuntimeException logFailure) {
            // The mail is out. Failing now would have the queue redeliver and, after the lease, send it again:
            // a missing log entry is the lesser harm.
            recorded = false;
        }
        return new Sent(messageId, recorded);
    }
}
