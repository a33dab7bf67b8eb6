package io.hostwright.domain.operation;

import java.util.Objects;

/**
 * Who asks: a customer (who may act on their own services only) or staff (any service).
 *
 * @param scope      what Idempotency-Keys are scoped to, and what operations record as requester
 * @param customerId the customer, null for staff
 */
public record Caller(String scope, String customerId) {

    public Caller {
        Objects.requireNonNull(scope, "scope");
    }

    public static Caller customer(String customerId) {
        return new Caller("customer:" + Objects.requireNonNull(customerId, "customerId"), customerId);
    }

    public static Caller staff(String subject) {
        return new Caller("staff:" + (subject == null || subject.isBlank() ? "unknown" : subject), null);
    }

    /** Hostwright itself (bandwidth polling…): acts on any service, as staff do, under its own name. */
    public static Caller system(String what) {
        return new Caller("system:" + Objects.requireNonNull(what, "what"), null);
    }

    public boolean staff() {
        return customerId == null;
    }

    /** Idempotency-Keys of all staff share one scope: two admins retrying one request are one request. */
    public String keyScope() {
        return staff() ? "staff" : scope;
    }
}
