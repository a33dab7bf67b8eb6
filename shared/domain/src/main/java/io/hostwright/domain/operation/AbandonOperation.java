package io.hostwright.domain.operation;

import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceChanges;
import io.hostwright.domain.service.ServiceRepository;

import java.time.Clock;

/**
 * Use case (staff): give up on an operation that cannot go on — its message dead-lettered, the back-end fixed by
 * hand. The operation ends {@code FAILED} with who gave up and why, which lets the service's action lock go; any
 * of its messages still queued are ignored from then on. Nothing is changed on the back-end.
 */
public final class AbandonOperation {

    private final ServiceRepository services;
    private final OperationRepository operations;
    private final Clock clock;

    public AbandonOperation(ServiceRepository services, OperationRepository operations, Clock clock) {
        this.services = services;
        this.operations = operations;
        this.clock = clock;
    }

    public Operation abandon(Caller staff, String serviceId, String operationId, String reason) {
        if (reason != null && reason.trim().length() > RequestOperation.MAX_REASON) {
            throw InvalidRequest.of("reason", "must be at most " + RequestOperation.MAX_REASON + " characters");
        }
        Service service = services.findService(serviceId).orElseThrow(() -> new NotFound("service", serviceId));
        String why = "abandoned by " + staff.scope() + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        for (int i = 0; i < 5; i++) {
            Operation current = operations.find(serviceId, operationId)
                    .orElseThrow(() -> new NotFound("operation", operationId));
            if (current.status().ended()) {
                throw new Conflict("status", "operation " + operationId + " already ended as " + current.status());
            }
            Operation abandoned = current.withStatus(OperationStatus.FAILED, why, clock.instant());
            if (operations.replace(current, abandoned)) {
                ServiceChanges.apply(services, service, s -> s.withReason(
                        current.kind().label() + " " + why, clock.instant()));
                return abandoned;
            }
        }
        throw new Conflict("operation", "operation " + operationId + " keeps changing; try again");
    }
}
