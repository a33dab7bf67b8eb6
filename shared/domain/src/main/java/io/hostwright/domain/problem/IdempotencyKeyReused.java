package io.hostwright.domain.problem;

/** An {@code Idempotency-Key} sent again with a different request than the one it was first used for. */
public final class IdempotencyKeyReused extends DomainException {

    private final String header;

    public IdempotencyKeyReused(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
