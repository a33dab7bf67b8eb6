package io.hostwright.domain.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * Use case: the mail service's own record that a message went out (SES's "Email Sent" event) marks its mail sent in
 * the {@link MailLog}. It closes the one gap {@link SendLifecycleMail} cannot: a sender that dies after the mail
 * service took the message and before it recorded the send. Its claim runs out, and the delivery that takes it over
 * finds the mail sent instead of sending it a second time.
 */
public final class RecordSentMail {

    /** What became of one record. */
    public enum Outcome {
        /** Marked sent now: the sender had not recorded it (yet, or ever). */
        RECORDED,
        /** The log knew already. */
        ALREADY_KNOWN,
        /** Not a message Hostwright sent with a reference. */
        NOT_OURS
    }

    private final MailLog log;

    public RecordSentMail(MailLog log) {
        this.log = log;
    }

    public Outcome record(String referenceToken, String messageId, Instant sentAt) {
        Optional<MailReference> reference = MailReference.parse(referenceToken);
        if (reference.isEmpty()) {
            return Outcome.NOT_OURS;
        }
        return log.recordSent(reference.get().serviceId(), reference.get().event(), messageId, sentAt)
                ? Outcome.RECORDED : Outcome.ALREADY_KNOWN;
    }
}
