package io.hostwright.domain.operation;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.ids.IdGenerator;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Use case: accept a suspend, unsuspend, terminate (staff) or reinstall (customer) of a service. Checks who asks,
 * the service's state and the parameters, then writes the operation, takes the service's action lock and keeps the
 * Idempotency-Key's answer in one write, and queues the operation's first message. Refused with 409 when the
 * service's state does not allow it or another action is running; a retry with the same key gets the first answer
 * (and re-queues the first message if that was lost).
 */
public final class RequestOperation {

    public static final String OS_TEMPLATE_ID = "osTemplateId";
    public static final String OS_NAME = "osName";
    static final int MAX_REASON = 500;

    private final ServiceRepository services;
    private final CatalogRepository catalog;
    private final OperationRepository operations;
    private final ActionAnswers answers;
    private final StepQueue lifecycleQueue;
    private final BackendRegistry backends;
    private final IdGenerator ids;
    private final Clock clock;

    /** @param backends what each back-end can do: an operation its back-end lacks is refused with 409 */
    public RequestOperation(ServiceRepository services, CatalogRepository catalog, OperationRepository operations,
                            ActionAnswers answers, StepQueue lifecycleQueue, BackendRegistry backends,
                            IdGenerator ids, Clock clock) {
        this.services = services;
        this.catalog = catalog;
        this.operations = operations;
        this.answers = answers;
        this.lifecycleQueue = lifecycleQueue;
        this.backends = backends;
        this.ids = ids;
        this.clock = clock;
    }

    public OperationAccepted request(OperationCommand command) {
        Caller caller = command.caller();
        IdempotencyKeys.check(command.idempotencyKey(), !caller.staff(), command.kind().label());
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().trim();
        if (reason != null && reason.length() > MAX_REASON) {
            throw InvalidRequest.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        String fingerprint = IdempotencyKeys.fingerprint(command.kind().name(), command.serviceId(),
                String.valueOf(reason), new TreeMap<>(command.parameters()).toString());
        if (command.idempotencyKey() != null && !command.idempotencyKey().isEmpty()) {
            Optional<ActionAnswer> earlier = answers.find(caller.keyScope(), command.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint, command);
            }
        }
        Service service = services.findService(command.serviceId())
                .filter(s -> caller.staff() || s.customerId().equals(caller.customerId()))
                .orElseThrow(() -> new NotFound("service", command.serviceId()));
        if (!command.kind().allowedFrom().contains(service.status())) {
            throw new Conflict("status", "service " + service.serviceId() + " is " + service.status() + "; "
                    + command.kind().label() + " needs it to be " + command.kind().allowedFrom().stream()
                    .map(Enum::name).sorted().collect(Collectors.joining(" or ")));
        }
        LifecycleModule lifecycle = backends.lifecycleFor(service.backend(), command.kind());
        Map<String, String> parameters = command.kind().equals(OperationKind.REINSTALL) ? parameters(command, service)
                : new LinkedHashMap<>(lifecycle.parameters(command.kind(), service, command.parameters()));
        Instant now = clock.instant();
        Operation operation = new Operation(service.serviceId(), ids.next("op"), command.kind(), OperationStatus.QUEUED,
                caller.scope(), reason, parameters, "queued", false, 1, now, now);
        ActionLock lock = new ActionLock(service.serviceId(), operation.operationId(), command.kind().label(), now, null);
        ActionAnswer answer = command.idempotencyKey() == null || command.idempotencyKey().isEmpty() ? null
                : new ActionAnswer(caller.keyScope(), command.idempotencyKey(), fingerprint, 202,
                operation.operationId(), now, now.plus(IdempotencyKeys.RETENTION));
        try {
            operations.start(operation, lock, answer);
        } catch (OperationRepository.LockHeld held) {
            throw busy(service.serviceId(), held.holder(), now);
        } catch (OperationRepository.AnswerTaken taken) {
            return replay(answers.find(caller.keyScope(), command.idempotencyKey()).orElseThrow(), fingerprint, command);
        }
        return new OperationAccepted(dispatch(operation, service.backend()), false);
    }

    /** The 409 for "another action is running on this server". */
    public static Conflict busy(String serviceId, ActionLock holder, Instant now) {
        if (holder == null) {
            return new Conflict("service", "another action was running on service " + serviceId + "; try again");
        }
        long seconds = Duration.between(holder.since(), now).toSeconds();
        return new Conflict("service", "another action (" + holder.what() + ", started " + Math.max(0, seconds)
                + " s ago) is still running on service " + serviceId + "; try again when it has ended");
    }

    private Map<String, String> parameters(OperationCommand command, Service service) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String osTemplateId = command.parameters().get(OS_TEMPLATE_ID);
        if (osTemplateId == null || osTemplateId.isBlank()) {
            throw InvalidRequest.of(OS_TEMPLATE_ID, "is required: the OS template to install");
        }
        Product product = catalog.findProduct(service.productId()).orElseThrow(() -> new Conflict("productId",
                "product " + service.productId() + " of this service is no longer sold; ask support to reinstall"));
        OsTemplate os = product.osTemplate(osTemplateId).orElseThrow(() -> InvalidRequest.of(OS_TEMPLATE_ID,
                "'" + osTemplateId + "' is not offered for " + product.name() + "; choose one of "
                        + product.osTemplates().stream().map(OsTemplate::id).toList()));
        parameters.put(OS_TEMPLATE_ID, os.id());
        parameters.put(OS_NAME, os.name());
        return parameters;
    }

    private OperationAccepted replay(ActionAnswer earlier, String fingerprint, OperationCommand command) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(IdempotencyKeys.HEADER, IdempotencyKeys.HEADER
                    + " was already used for a different request; use a new key for a new request");
        }
        Operation operation = operations.find(command.serviceId(), earlier.body()).orElseThrow(
                () -> new NotFound("operation", earlier.body()));
        if (!operation.dispatched() && !operation.status().ended()) {
            Service service = services.findService(operation.serviceId()).orElseThrow();
            operation = dispatch(operation, service.backend());
        }
        return new OperationAccepted(operation, true);
    }

    /**
     * Queues the first message, then notes it went. A queue failure leaves the operation undispatched: a retry with
     * the same key or {@link SweepUndispatchedOperations} finishes it, so the request is still accepted.
     */
    private Operation dispatch(Operation operation, String module) {
        try {
            new OperationDispatch(lifecycleQueue, operations, clock).dispatch(operation, module);
        } catch (RuntimeException queueDown) {
            return operation;
        }
        return operations.find(operation.serviceId(), operation.operationId()).orElse(operation);
    }
}
