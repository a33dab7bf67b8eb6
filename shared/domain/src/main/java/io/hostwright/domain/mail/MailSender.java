package io.hostwright.domain.mail;

import java.util.List;

/** Port: hands a rendered mail to the mail service (SES in AWS, its emulator on a laptop). */
public interface MailSender {

    /**
     * Sends one message to all recipients, carrying {@code reference} so the mail service's record of the send names
     * the mail ({@link RecordSentMail}).
     *
     * @return the mail service's message id
     * @throws RuntimeException when the mail service refused or could not be reached; nothing was sent
     */
    String send(MailReference reference, List<String> to, RenderedMail mail);
}
