package io.hostwright.domain.problem;

/**
 * A request the domain refuses. Each kind maps to one HTTP status at the edge; messages are safe to show a
 * client (no secrets, no internals).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidRequest, NotFound, Conflict, IdempotencyKeyReused, Unavailable, Precondition {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
