package io.hostwright.domain.provisioning;

import java.util.Objects;

/**
 * A message running one step of a service's module. On the provisioning queue ({@code operationId} null) the first
 * one an order produces names the step {@link #FIRST_STEP} and the module decides what follows. On the lifecycle
 * queue it runs a step of the operation {@code operationId} (a suspend, terminate, reinstall…), again starting with
 * {@link #FIRST_STEP}.
 *
 * @param orderId     the order that created the service; null on the lifecycle queue
 * @param operationId null for provisioning
 */
public record ProvisioningRequest(String serviceId, String orderId, String module, String step, int attempt,
                                  String operationId) {

    public static final String FIRST_STEP = "begin";

    public ProvisioningRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(step, "step");
    }

    /** A provisioning step. */
    public ProvisioningRequest(String serviceId, String orderId, String module, String step, int attempt) {
        this(serviceId, orderId, module, step, attempt, null);
    }

    /** The same message for another step or attempt. */
    public ProvisioningRequest next(String nextStep, int nextAttempt) {
        return new ProvisioningRequest(serviceId, orderId, module, nextStep, nextAttempt, operationId);
    }
}
