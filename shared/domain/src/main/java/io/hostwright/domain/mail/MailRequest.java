package io.hostwright.domain.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail to send about one service. {@code event} identifies the occurrence: the mailer sends at most one mail
 * per (serviceId, event), so a repeated occurrence (a second reinstall) needs its own event, e.g.
 * {@code reinstall-finished#<actionId>}.
 *
 * <p>A credential never travels in a request (requests sit on a queue, and in its dead-letter queue for days):
 * {@code secretVariables} names, per template variable, the service's secret the mailer reads when it sends.
 *
 * @param variables       template values; never a credential
 * @param secretVariables template variable → name of the service's secret holding its value (the root password);
 *                        customer mails only
 */
public record MailRequest(String serviceId, String event, MailTemplate template, List<String> to,
                          Map<String, String> variables, Map<String, String> secretVariables) {

    public MailRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(template, "template");
        to = List.copyOf(to);
        variables = Map.copyOf(variables);
        secretVariables = secretVariables == null ? Map.of() : Map.copyOf(secretVariables);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        if (!secretVariables.isEmpty() && template.audience() == MailTemplate.Audience.STAFF) {
            throw new IllegalArgumentException("staff mails never carry customer credentials: " + template.key());
        }
        for (String variable : secretVariables.keySet()) {
            if (variables.containsKey(variable)) {
                throw new IllegalArgumentException(variable + " is given both as a value and as a secret");
            }
        }
    }

    public MailRequest(String serviceId, String event, MailTemplate template, List<String> to,
                       Map<String, String> variables) {
        this(serviceId, event, template, to, variables, Map.of());
    }

    /** The event key for the first (or only) occurrence of a template. */
    public static MailRequest once(String serviceId, MailTemplate template, String recipient, Map<String, String> variables) {
        return new MailRequest(serviceId, template.key(), template, List.of(recipient), variables);
    }

    /** The same request with {@code variable} read from the service's secret {@code secretName} when it is sent. */
    public MailRequest withSecret(String variable, String secretName) {
        Map<String, String> secrets = new java.util.HashMap<>(secretVariables);
        secrets.put(variable, secretName);
        return new MailRequest(serviceId, event, template, to, variables, secrets);
    }

    @Override
    public String toString() {
        return "MailRequest[serviceId=" + serviceId + ", event=" + event + ", template=" + template + "]";
    }
}
