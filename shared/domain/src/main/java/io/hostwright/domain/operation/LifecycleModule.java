package io.hostwright.domain.operation;

import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.service.Service;

/**
 * A back-end's suspend, unsuspend, terminate and reinstall, each a list of steps run one per queue message. As with
 * provisioning, every step reads the back-end first and changes only what is not yet as wanted.
 */
public interface LifecycleModule {

    /** The module name products carry, e.g. {@code tenantos}. */
    String module();

    OperationPlan plan(OperationKind kind);

    /**
     * Runs one step of the operation.
     *
     * @param attempt 1 for the first try, 2 after one transient failure… (a wait starts again at 1): for backoff
     */
    StepOutcome run(Operation operation, String step, Service service, int attempt);
}
