package io.hostwright.domain.operation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One suspend, unsuspend, terminate or reinstall of a service, from request to end. While it has not ended it holds
 * the service's {@link ActionLock}, so no other action runs on the same server.
 *
 * @param requestedBy "staff:<subject>" or "customer:<id>"
 * @param reason      why (given by staff for a suspension), may be null
 * @param parameters  what the kind needs, e.g. {@code osTemplateId} of a reinstall; never a secret
 * @param detail      the latest outcome, for staff
 * @param dispatched  its first message is on the queue
 * @param version     incremented by every write; writes are conditional on it
 */
public record Operation(String serviceId, String operationId, OperationKind kind, OperationStatus status,
                        String requestedBy, String reason, Map<String, String> parameters, String detail,
                        boolean dispatched, long version, Instant createdAt, Instant updatedAt) {

    public Operation {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public Operation withStatus(OperationStatus newStatus, String newDetail, Instant at) {
        return new Operation(serviceId, operationId, kind, newStatus, requestedBy, reason, parameters, newDetail,
                dispatched, version + 1, createdAt, at);
    }

    public Operation markDispatched(Instant at) {
        return new Operation(serviceId, operationId, kind, status, requestedBy, reason, parameters, detail, true,
                version + 1, createdAt, at);
    }
}
