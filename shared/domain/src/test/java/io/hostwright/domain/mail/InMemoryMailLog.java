package io.hostwright.domain.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The MailLog contract in memory, with the same conditions as the DynamoDB adapter. */
final class InMemoryMailLog implements MailLog {

    record Entry(String status, String claimId, Instant leaseUntil, Instant sentAt, String messageId) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized ClaimResult claim(String serviceId, String event, MailTemplate template, int recipients,
                                          Instant now, Duration lease) {
        Entry existing = entries.get(key(serviceId, event));
        if (existing != null && existing.status.equals("SENT")) {
            return new AlreadySent(existing.sentAt);
        }
        if (existing != null && !existing.leaseUntil.isBefore(now)) {
            return new HeldElsewhere(existing.leaseUntil);
        }
        MailClaim claim = new MailClaim(serviceId, event, UUID.randomUUID().toString(), now.plus(lease));
        entries.put(key(serviceId, event), new Entry("SENDING", claim.claimId(), claim.leaseUntil(), null, null));
        return new Claimed(claim);
    }

    @Override
    public synchronized boolean markSent(MailClaim claim, Instant sentAt, String messageId) {
        Entry existing = entries.get(key(claim.serviceId(), claim.event()));
        if (existing != null && existing.status.equals("SENT") && messageId != null
                && messageId.equals(existing.messageId)) {
            return true; // the mail service's record of this very message got here first
        }
        if (existing == null || !existing.status.equals("SENDING") || !existing.claimId.equals(claim.claimId())) {
            return false;
        }
        entries.put(key(claim.serviceId(), claim.event()), new Entry("SENT", claim.claimId(), null, sentAt, messageId));
        return true;
    }

    @Override
    public synchronized boolean recordSent(String serviceId, String event, String messageId, Instant sentAt) {
        Entry existing = entries.get(key(serviceId, event));
        if (existing != null && existing.status.equals("SENT")) {
            return false;
        }
        entries.put(key(serviceId, event), new Entry("SENT", existing == null ? null : existing.claimId, null, sentAt,
                messageId));
        return true;
    }

    @Override
    public synchronized void release(MailClaim claim) {
        Entry existing = entries.get(key(claim.serviceId(), claim.event()));
        if (existing != null && existing.status.equals("SENDING") && existing.claimId.equals(claim.claimId())) {
            entries.remove(key(claim.serviceId(), claim.event()));
        }
    }

    synchronized Entry entry(String serviceId, String event) {
        return entries.get(key(serviceId, event));
    }

    private static String key(String serviceId, String event) {
        return serviceId + "|" + event;
    }
}
