package io.hostwright.emulators;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mail the SES emulator accepted, as its {@code GET /store} reports it. {@code text} and {@code html} are null when
 * the mail had no such part; {@code at} has whole-second precision.
 */
public record SentEmail(
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        Instant at) {

    public SentEmail {
        headers = Map.copyOf(headers);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
    }

    /** Whether {@code address} is among the To, Cc or Bcc recipients. */
    public boolean isAddressedTo(String address) {
        return to.contains(address) || cc.contains(address) || bcc.contains(address);
    }
}
