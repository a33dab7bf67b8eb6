package io.hostwright.domain.mail;

import io.hostwright.domain.backend.ServiceSecrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: send the mail of one (serviceId, event) at most once, however often and however concurrently the
 * request is delivered.
 *
 * <p>Render first (pure, and a request that can never render leaves nothing behind), then claim the event in the
 * {@link MailLog}, read the credentials the request names (they never travel on the queue), send, and record it as
 * sent. A delivery that finds the mail sent does nothing; one that finds
 * another delivery holding a live claim answers {@link RetryLater}; a send that fails releases the claim and
 * rethrows so the queue delivers the request again.
 *
 * <p>The lease must outlast one send (the mailer's timeout) so a live holder never loses its claim, and be shorter
 * than the queue's visibility timeout so the redelivery after a crashed holder finds it expired. A holder that dies
 * after the mail service took the message and before {@link MailLog#markSent} would leave a mail that a takeover
 * sends again; the mail service's own record of the send ({@link RecordSentMail}), which arrives within seconds,
 * marks it sent first.
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

    /** What stands in for a credential in the first, pure render. */
    private static final String PLACEHOLDER = "(credential)";

    private final MailRenderer renderer;
    private final ServiceSecrets secrets;
    private final MailLog log;
    private final MailSender sender;
    private final Clock clock;
    private final Duration lease;

    /** @param secrets the customer credentials mail requests name (the mailer only reads them) */
    public SendLifecycleMail(MailRenderer renderer, ServiceSecrets secrets, MailLog log, MailSender sender, Clock clock,
                             Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        this.renderer = renderer;
        this.secrets = secrets;
        this.log = log;
        this.sender = sender;
        this.clock = clock;
        this.lease = lease;
    }

    public SendLifecycleMail(MailRenderer renderer, ServiceSecrets secrets, MailLog log, MailSender sender,
                             Clock clock) {
        this(renderer, secrets, log, sender, clock, DEFAULT_LEASE);
    }

    /**
     * @throws UnrenderableMail when the request can never be rendered (nothing was sent; the claim, if taken — a
     *                          credential it names is gone —, was released)
     * @throws RuntimeException from the sender or the log when the mail was not sent; the claim, if taken, was
     *                          released, so a redelivery will try again
     */
    public Outcome send(MailRequest request) {
        RenderedMail mail = renderer.render(withValues(request, variable -> PLACEHOLDER));
        MailLog.ClaimResult result = log.claim(request.serviceId(), request.event(), request.template(),
                request.to().size(), clock.instant(), lease);
        return switch (result) {
            case MailLog.AlreadySent sent -> new AlreadySent(sent.sentAt());
            case MailLog.HeldElsewhere held -> new RetryLater(held.leaseUntil());
            case MailLog.Claimed claimed -> sendClaimed(claimed.claim(), request,
                    request.secretVariables().isEmpty() ? mail : withCredentials(claimed.claim(), request));
        };
    }

    /** The mail rendered with the credentials it names, read now; a credential gone makes it unrenderable. */
    private RenderedMail withCredentials(MailClaim claim, MailRequest request) {
        try {
            return renderer.render(withValues(request, variable -> {
                String name = request.secretVariables().get(variable);
                return secrets.get(request.serviceId(), name).orElseThrow(() -> new UnrenderableMail(
                        request.template(), variable, "the service's credential " + name + " for " + variable
                        + " is gone (the service ended?)"));
            }));
        } catch (RuntimeException unreadable) {
            log.release(claim);
            throw unreadable;
        }
    }

    private static MailRequest withValues(MailRequest request, java.util.function.UnaryOperator<String> value) {
        if (request.secretVariables().isEmpty()) {
            return request;
        }
        java.util.Map<String, String> variables = new java.util.HashMap<>(request.variables());
        request.secretVariables().keySet().forEach(variable -> variables.put(variable, value.apply(variable)));
        return new MailRequest(request.serviceId(), request.event(), request.template(), request.to(), variables);
    }

    private Outcome sendClaimed(MailClaim claim, MailRequest request, RenderedMail mail) {
        String messageId;
        try {
            messageId = sender.send(MailReference.of(request), request.to(), mail);
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
