package io.hostwright.domain.operation;

import io.hostwright.domain.service.ProvisioningStep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: operations, the steps they ran, and their start (lock + operation + answer in one write). */
public interface OperationRepository {

    /**
     * Writes the operation, takes the service's lock for it and keeps its answer, all or nothing.
     *
     * @param answer null when the request carried no Idempotency-Key
     * @throws LockHeld      when another holder has the lock (nothing written)
     * @throws AnswerTaken   when the key got an answer meanwhile (nothing written)
     */
    void start(Operation operation, ActionLock lock, ActionAnswer answer);

    Optional<Operation> find(String serviceId, String operationId);

    /** A service's operations, newest first. */
    List<Operation> list(String serviceId);

    /**
     * Writes {@code updated} if the stored operation still has {@code expected}'s version; when {@code updated} has
     * ended, the service's lock is let go in the same write if this operation holds it.
     *
     * @return false when someone else changed it first (nothing written)
     */
    boolean replace(Operation expected, Operation updated);

    /**
     * Operations created before {@code createdBefore} whose first message is not marked queued, oldest first (a
     * sparse index: dispatched ones are not in it).
     */
    List<Operation> findUndispatched(Instant createdBefore, int limit);

    /** The steps an operation ran, in order (the step ledger's records). */
    List<ProvisioningStep> steps(String serviceId, String operationId);

    final class LockHeld extends RuntimeException {
        private final transient ActionLock holder;

        public LockHeld(ActionLock holder) {
            super("action lock held by " + (holder == null ? "another action" : holder.holderId()), null, false, false);
            this.holder = holder;
        }

        /** May be null when the holder let go between the failed write and the read. */
        public ActionLock holder() {
            return holder;
        }
    }

    final class AnswerTaken extends RuntimeException {
        public AnswerTaken() {
            super("idempotency key already answered", null, false, false);
        }
    }
}
