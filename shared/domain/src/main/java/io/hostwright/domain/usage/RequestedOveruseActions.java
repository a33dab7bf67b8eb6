package io.hostwright.domain.usage;

import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationCommand;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.problem.DomainException;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Overuse actions as ordinary operations, asked for as {@code system:bandwidth-polling}: the same suspend and
 * unsuspend staff ask for, with the same lock, steps, e-mails and history.
 */
public final class RequestedOveruseActions implements OveruseActions {

    public static final Caller CALLER = Caller.system("bandwidth-polling");

    private final RequestOperation operations;
    private final OperationRepository history;

    public RequestedOveruseActions(RequestOperation operations, OperationRepository history) {
        this.operations = operations;
        this.history = history;
    }

    @Override
    public Optional<String> suspend(String serviceId, String idempotencyKey, String reason) {
        return request(serviceId, OperationKind.SUSPEND, idempotencyKey, reason);
    }

    @Override
    public Optional<String> unsuspend(String serviceId, String idempotencyKey, String reason) {
        return request(serviceId, OperationKind.UNSUSPEND, idempotencyKey, reason);
    }

    private Optional<String> request(String serviceId, OperationKind kind, String key, String reason) {
        try {
            return Optional.of(operations.request(new OperationCommand(CALLER, serviceId, kind, key, reason, Map.of()))
                    .operation().operationId());
        } catch (DomainException refused) {
            // another action runs on the server, or it is no longer in a state that allows it: asked again next poll
            return Optional.empty();
        }
    }

    @Override
    public boolean latestAndSucceeded(String serviceId, String operationId) {
        return history.list(serviceId).stream().max(Comparator.comparing(Operation::operationId))
                .filter(latest -> latest.operationId().equals(operationId))
                .filter(latest -> latest.status() == OperationStatus.SUCCEEDED)
                .isPresent();
    }
}
