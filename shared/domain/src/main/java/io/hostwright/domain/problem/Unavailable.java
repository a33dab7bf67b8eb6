package io.hostwright.domain.problem;

/** A back-end did not answer (after its own retries): the same request may succeed later (503, not 500). */
public final class Unavailable extends DomainException {

    public Unavailable(String message) {
        super(message);
    }
}
