package io.hostwright.domain.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail to send about one service. {@code event} identifies the occurrence: the mailer sends at most one mail
 * per (serviceId, event), so a repeated occurrence (a second reinstall) needs its own event, e.g.
 * {@code reinstall-finished#<actionId>}.
 *
 * @param variables template values; may hold the root password for customer mails, so never log them
 */
public record MailRequest(String serviceId, String event, MailTemplate template, List<String> to,
                          Map<String, String> variables) {

    public MailRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(template, "template");
        to = List.copyOf(to);
        variables = Map.copyOf(variables);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
    }

    /** The event key for the first (or only) occurrence of a template. */
    public static MailRequest once(String serviceId, MailTemplate template, String recipient, Map<String, String> variables) {
        return new MailRequest(serviceId, template.key(), template, List.of(recipient), variables);
    }

    @Override
    public String toString() {
        return "MailRequest[serviceId=" + serviceId + ", event=" + event + ", template=" + template + "]";
    }
}
