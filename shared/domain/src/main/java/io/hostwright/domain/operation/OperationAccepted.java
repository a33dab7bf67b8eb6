package io.hostwright.domain.operation;

/** The answer to an operation request: the operation, and whether this was a replay of an earlier request. */
public record OperationAccepted(Operation operation, boolean replayed) {
}
