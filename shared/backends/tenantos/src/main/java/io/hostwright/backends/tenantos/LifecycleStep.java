package io.hostwright.backends.tenantos;

import io.hostwright.domain.operation.Operation;

/** One lifecycle step's inputs: the operation, the service's TenantOS context and what the lifecycle remembers. */
record LifecycleStep(Operation operation, TenantOsContext s, TenantOsLifecycleSettings settings,
                     TenantOsLifecycleState state) {

    long serverId() {
        return s.state().serverId();
    }

    LifecycleStep withState(TenantOsLifecycleState newState) {
        return new LifecycleStep(operation, s, settings, newState);
    }
}
