package io.hostwright.domain.operation;

import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Use case: queue the first message of operations that were accepted but whose message never made it to the queue
 * (a queue outage, a crash). Runs on the dispatch sweeper's schedule; younger ones are left to their request.
 */
public final class SweepUndispatchedOperations {

    public static final Duration GRACE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final OperationRepository operations;
    private final ServiceRepository services;
    private final OperationDispatch dispatch;
    private final Clock clock;

    public SweepUndispatchedOperations(OperationRepository operations, ServiceRepository services,
                                       StepQueue lifecycleQueue, Clock clock) {
        this.operations = operations;
        this.services = services;
        this.dispatch = new OperationDispatch(lifecycleQueue, operations, clock);
        this.clock = clock;
    }

    /** Outcome of one sweep, for logs and metrics. */
    public record Result(int dispatched, int failed) {
    }

    public Result sweep() {
        List<Operation> stuck = operations.findUndispatched(clock.instant().minus(GRACE), BATCH);
        int dispatched = 0;
        int failed = 0;
        for (Operation operation : stuck) {
            try {
                Service service = services.findService(operation.serviceId()).orElse(null);
                if (service == null) {
                    // nothing left to act on: end it, so it stops being swept (and lets its lock go)
                    operations.replace(operation, operation.withStatus(OperationStatus.FAILED,
                            "the service no longer exists", clock.instant()));
                    continue;
                }
                dispatch.dispatch(operation, service.backend());
                dispatched++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Result(dispatched, failed);
    }
}
