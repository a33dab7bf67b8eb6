package io.hostwright.functions.mailsent;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.mail.MailReference;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mail log needs of SES's "Email Sent" event: the message id, when, and the mail reference — from the
 * message's tags, or from its headers when the tags are not there (the laptop's SES emulator keeps headers only).
 *
 * <pre>{@code
 * detail: {"eventType": "Send",
 *          "mail": {"timestamp": "…", "messageId": "…", "tags": {"hostwright-mail": ["…"]},
 *                   "headers": [{"name": "X-Hostwright-Mail", "value": "…"}, …]}}
 * }</pre>
 */
record SesSendEvent(Optional<String> reference, String messageId, Instant sentAt) {

    static SesSendEvent of(ScheduledEvent event) {
        Map<String, Object> detail = event == null || event.getDetail() == null ? Map.of() : event.getDetail();
        Map<?, ?> mail = detail.get("mail") instanceof Map<?, ?> m ? m : Map.of();
        String messageId = mail.get("messageId") instanceof String id ? id : null;
        return new SesSendEvent(fromTags(mail).or(() -> fromHeaders(mail)), messageId,
                sentAt(mail, Instant.now()));
    }

    private static Optional<String> fromTags(Map<?, ?> mail) {
        if (mail.get("tags") instanceof Map<?, ?> tags && tags.get(MailReference.TAG) instanceof List<?> values
                && !values.isEmpty() && values.getFirst() instanceof String value) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private static Optional<String> fromHeaders(Map<?, ?> mail) {
        if (!(mail.get("headers") instanceof List<?> headers)) {
            return Optional.empty();
        }
        return headers.stream()
                .filter(h -> h instanceof Map<?, ?> header
                        && MailReference.HEADER.equalsIgnoreCase(String.valueOf(header.get("name"))))
                .map(h -> ((Map<?, ?>) h).get("value"))
                .filter(String.class::isInstance).map(String.class::cast)
                .findFirst();
    }

    private static Instant sentAt(Map<?, ?> mail, Instant otherwise) {
        if (mail.get("timestamp") instanceof String timestamp) {
            try {
                return Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                return otherwise;
            }
        }
        return otherwise;
    }
}
