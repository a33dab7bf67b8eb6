package io.hostwright.domain.mail;

/** Port: hands an e-mail to the mailer. */
public interface MailQueue {

    void enqueue(MailRequest mail);
}
