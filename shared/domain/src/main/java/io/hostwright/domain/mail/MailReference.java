package io.hostwright.domain.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Which mail a sent message is — its (serviceId, event) in the {@link MailLog} — in a form the mail service carries
 * with the message and gives back in its record of sends: base64url of {@code serviceId}, a line feed and
 * {@code event}, so only letters, digits, {@code -} and {@code _} (what SES allows in a message tag's value).
 */
public record MailReference(String serviceId, String event) {

    /** The message tag and header it travels in. */
    public static final String TAG = "hostwright-mail";
    public static final String HEADER = "X-Hostwright-Mail";
    /** SES's limit on a tag value. */
    private static final int MAX_TOKEN = 256;

    public MailReference {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(event, "event");
        if (serviceId.contains("\n")) {
            throw new IllegalArgumentException("a service id has no line feed");
        }
    }

    public static MailReference of(MailRequest request) {
        return new MailReference(request.serviceId(), request.event());
    }

    public String token() {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((serviceId + "\n" + event).getBytes(StandardCharsets.UTF_8));
        if (token.length() > MAX_TOKEN) {
            throw new IllegalStateException("the mail reference of " + serviceId + "/" + event
                    + " is longer than a mail tag may be");
        }
        return token;
    }

    /** The reference a token names; empty for anything that is not one (a mail sent by someone else). */
    public static Optional<MailReference> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int split = decoded.indexOf('\n');
            if (split <= 0 || split == decoded.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new MailReference(decoded.substring(0, split), decoded.substring(split + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
