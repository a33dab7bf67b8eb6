package io.hostwright.domain.operation;

import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;

import java.time.Clock;
import java.time.Duration;

/** Puts an operation's first message on the lifecycle queue and notes that it went. */
final class OperationDispatch {

    private final StepQueue lifecycleQueue;
    private final OperationRepository operations;
    private final Clock clock;

    OperationDispatch(StepQueue lifecycleQueue, OperationRepository operations, Clock clock) {
        this.lifecycleQueue = lifecycleQueue;
        this.operations = operations;
        this.clock = clock;
    }

    /** A duplicate first message is harmless: the runner starts an operation once. */
    void dispatch(Operation operation, String backend) {
        lifecycleQueue.enqueue(new StepMessage(operation.serviceId(), null, backend,
                StepMessage.FIRST_STEP, 1, operation.operationId()), Duration.ZERO);
        Operation current = operation;
        for (int i = 0; i < 5 && !current.dispatched() && !current.status().ended(); i++) {
            if (operations.replace(current, current.markDispatched(clock.instant()))) {
                return;
            }
            // the runner may have started it meanwhile (and marked it dispatched itself)
            current = operations.find(operation.serviceId(), operation.operationId()).orElse(current);
        }
    }
}
