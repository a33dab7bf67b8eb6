package io.hostwright.domain.operation;

import java.util.Map;
import java.util.Objects;

/**
 * A request for an operation on a service.
 *
 * @param idempotencyKey required from customers, optional for staff
 * @param reason         why (a suspension's reason is told to the customer), may be null
 * @param parameters     e.g. {@code osTemplateId} for a reinstall
 */
public record OperationCommand(Caller caller, String serviceId, OperationKind kind, String idempotencyKey,
                               String reason, Map<String, String> parameters) {

    public OperationCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(kind, "kind");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
