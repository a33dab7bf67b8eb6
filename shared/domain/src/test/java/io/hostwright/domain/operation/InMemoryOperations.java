package io.hostwright.domain.operation;

import io.hostwright.domain.service.ProvisioningStep;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operations, the action lock and kept answers in memory, with the DynamoDB adapters' conditions. */
final class InMemoryOperations implements OperationRepository, ActionLocks {

    final Map<String, Operation> operations = new HashMap<>();
    final Map<String, ActionLock> locks = new HashMap<>();
    final Map<String, ActionAnswer> answers = new HashMap<>();
    Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Override
    public synchronized void start(Operation operation, ActionLock lock, ActionAnswer answer) {
        ActionLock held = locks.get(lock.serviceId());
        if (held != null && held.heldAt(now) && !held.holderId().equals(lock.holderId())) {
            throw new LockHeld(held);
        }
        if (answer != null && answers.containsKey(answer.scope() + "#" + answer.key())) {
            throw new AnswerTaken();
        }
        operations.put(operation.operationId(), operation);
        locks.put(lock.serviceId(), lock);
        if (answer != null) {
            answers.put(answer.scope() + "#" + answer.key(), answer);
        }
    }

    @Override
    public synchronized Optional<Operation> find(String serviceId, String operationId) {
        return Optional.ofNullable(operations.get(operationId)).filter(o -> o.serviceId().equals(serviceId));
    }

    @Override
    public synchronized List<Operation> list(String serviceId) {
        return operations.values().stream().filter(o -> o.serviceId().equals(serviceId))
                .sorted(Comparator.comparing(Operation::operationId).reversed()).toList();
    }

    @Override
    public synchronized boolean replace(Operation expected, Operation updated) {
        Operation stored = operations.get(expected.operationId());
        if (stored == null || stored.version() != expected.version()) {
            return false;
        }
        operations.put(updated.operationId(), updated);
        if (updated.status().ended()) {
            release(updated.serviceId(), updated.operationId());
        }
        return true;
    }

    @Override
    public List<Operation> findUndispatched(Instant createdBefore, int limit) {
        return operations.values().stream().filter(o -> !o.dispatched() && !o.status().ended()
                && o.createdAt().isBefore(createdBefore)).limit(limit).toList();
    }

    @Override
    public List<ProvisioningStep> steps(String serviceId, String operationId) {
        return List.of();
    }

    @Override
    public synchronized Optional<ActionLock> acquire(ActionLock lock, Instant at) {
        ActionLock held = locks.get(lock.serviceId());
        if (held != null && held.heldAt(at) && !held.holderId().equals(lock.holderId())) {
            return Optional.of(held);
        }
        locks.put(lock.serviceId(), lock);
        return Optional.empty();
    }

    @Override
    public synchronized void release(String serviceId, String holderId) {
        ActionLock held = locks.get(serviceId);
        if (held != null && held.holderId().equals(holderId)) {
            locks.remove(serviceId);
        }
    }

    @Override
    public synchronized Optional<ActionLock> current(String serviceId) {
        return Optional.ofNullable(locks.get(serviceId));
    }

    /** The kept answers, over the same map {@link #start} writes. */
    final ActionAnswers answerStore = new ActionAnswers() {
        @Override
        public Optional<ActionAnswer> find(String scope, String key) {
            synchronized (InMemoryOperations.this) {
                return Optional.ofNullable(answers.get(scope + "#" + key));
            }
        }

        @Override
        public void keep(ActionAnswer answer) {
            synchronized (InMemoryOperations.this) {
                answers.putIfAbsent(answer.scope() + "#" + answer.key(), answer);
            }
        }
    };
}
