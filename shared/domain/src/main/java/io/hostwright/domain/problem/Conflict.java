package io.hostwright.domain.problem;

/** The request clashes with the current state, e.g. an idempotency key reused for a different request. */
public final class Conflict extends DomainException {

    private final String field;

    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field or header at fault, or null. */
    public String field() {
        return field;
    }
}
