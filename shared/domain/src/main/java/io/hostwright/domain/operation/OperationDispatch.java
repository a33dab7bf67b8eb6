package io.hostwright.domain.operation;

import io.hostwright.domain.provisioning.ProvisioningQueue;
import io.hostwright.domain.provisioning.ProvisioningRequest;

import java.time.Clock;
import java.time.Duration;

/** Puts an operation's first message on the lifecycle queue and notes that it went. */
final class OperationDispatch {

    private final ProvisioningQueue lifecycleQueue;
    private final OperationRepository operations;
    private final Clock clock;

    OperationDispatch(ProvisioningQueue lifecycleQueue, OperationRepository operations, Clock clock) {
        this.lifecycleQueue = lifecycleQueue;
        this.operations = operations;
        this.clock = clock;
    }

    /** A duplicate first message is harmless: the runner starts an operation once. */
    void dispatch(Operation operation, String module) {
        lifecycleQueue.enqueue(new ProvisioningRequest(operation.serviceId(), null, module,
                ProvisioningRequest.FIRST_STEP, 1, operation.operationId()), Duration.ZERO);
        operations.replace(operation, operation.markDispatched(clock.instant()));
    }
}
