package io.hostwright.domain.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * The right, held by one delivery until {@code leaseUntil}, to send the mail of one (serviceId, event).
 * {@code claimId} tells this holder apart from a later one that took over an expired lease.
 */
public record MailClaim(String serviceId, String event, String claimId, Instant leaseUntil) {

    public MailClaim {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
