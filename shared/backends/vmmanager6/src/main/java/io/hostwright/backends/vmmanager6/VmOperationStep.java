package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.operation.Operation;

/** One step of an operation on a VPS: the operation, the resolved service, its host and what operations remember. */
record VmOperationStep(Operation operation, VmContext s, long hostId, VmLifecycleState state) {
}
