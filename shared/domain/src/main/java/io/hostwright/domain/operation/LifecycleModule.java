package io.hostwright.domain.operation;

import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.util.Map;
import java.util.Optional;

/**
 * A back-end's operations on live services (suspend, unsuspend, terminate, reinstall, or kinds of its own), each a
 * list of steps run one per queue message. As with provisioning, every step reads the back-end first and changes
 * only what is not yet as wanted.
 */
public interface LifecycleModule {

    /** The steps of {@code kind}; empty when this back-end does not do it (the request is refused with 409). */
    Optional<OperationPlan> plan(OperationKind kind);

    /**
     * The parameters an operation of {@code kind} runs with, from what was asked, checked against what the service
     * was sold as and what it is now: a field that is wrong is refused with {@link io.hostwright.domain.problem
     * .InvalidRequest} naming it, one that the service cannot take (a disk that would shrink) with
     * {@link io.hostwright.domain.problem.Conflict} saying why. Nothing is written before this passed. By default an
     * operation takes no parameters of the back-end's.
     */
    default Map<String, String> parameters(OperationKind kind, Service service, Map<String, String> asked) {
        return Map.of();
    }

    /**
     * Runs one step of the operation.
     *
     * @param attempt 1 for the first try, 2 after one transient failure… (a wait starts again at 1): for backoff
     */
    StepOutcome run(Operation operation, String step, Service service, int attempt);
}
