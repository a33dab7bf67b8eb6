package io.hostwright.domain.control;

import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.ActionLocks;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The per-service action lock in memory, with the DynamoDB adapter's condition: free, lapsed or already ours. */
final class InMemoryActionLocks implements ActionLocks {

    private final Map<String, ActionLock> locks = new HashMap<>();

    @Override
    public synchronized Optional<ActionLock> acquire(ActionLock lock, Instant now) {
        ActionLock held = locks.get(lock.serviceId());
        if (held != null && held.heldAt(now) && !held.holderId().equals(lock.holderId())) {
            return Optional.of(held);
        }
        locks.put(lock.serviceId(), lock);
        return Optional.empty();
    }

    @Override
    public synchronized void release(String serviceId, String holderId) {
        locks.computeIfPresent(serviceId, (id, held) -> held.holderId().equals(holderId) ? null : held);
    }

    @Override
    public synchronized Optional<ActionLock> current(String serviceId) {
        return Optional.ofNullable(locks.get(serviceId));
    }
}
