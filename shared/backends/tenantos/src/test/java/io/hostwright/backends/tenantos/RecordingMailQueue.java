package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;

import java.util.ArrayList;
import java.util.List;

/** Keeps every mail handed to the mailer, in order. */
final class RecordingMailQueue implements MailQueue {

    final List<MailRequest> queued = new ArrayList<>();

    @Override
    public void enqueue(MailRequest mail) {
        queued.add(mail);
    }

    List<MailRequest> of(MailTemplate template) {
        return queued.stream().filter(m -> m.template() == template).toList();
    }
}
