package io.hostwright.domain.operation;

import java.time.Instant;
import java.util.Optional;

/** Port: the per-service action lock of quick actions (operations take it in {@link OperationRepository#start}). */
public interface ActionLocks {

    /**
     * Takes the lock unless someone else holds it at {@code now}; the same holder taking it again succeeds.
     *
     * @return empty when taken, else the lock that stands in the way
     */
    Optional<ActionLock> acquire(ActionLock lock, Instant now);

    /** Lets go, if {@code holderId} holds it. */
    void release(String serviceId, String holderId);

    Optional<ActionLock> current(String serviceId);
}
