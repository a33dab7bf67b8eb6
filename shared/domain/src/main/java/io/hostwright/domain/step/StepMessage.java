package io.hostwright.domain.step;

import java.util.Objects;

/**
 * A message running one step of a service's back-end. On the provisioning queue ({@code operationId} null) the first
 * one an order produces names the step {@link #FIRST_STEP} and the back-end decides what follows. On the lifecycle
 * queue it runs a step of the operation {@code operationId} (a suspend, terminate, reinstall…), again starting with
 * {@link #FIRST_STEP}.
 *
 * @param orderId     the order that created the service; null on the lifecycle queue
 * @param backend     the back-end the service lives on (written as {@code module} before back-ends were plug-ins)
 * @param attempt     the step's run number (waits and retries both count), what the ledger keys on
 * @param operationId null for provisioning
 * @param failures    how many runs of this step in a row failed transiently just before this one (a wait resets
 *                    it): the retry cap and the backoff count these, so a long poll does not eat the retries
 */
public record StepMessage(String serviceId, String orderId, String backend, String step, int attempt,
                                  String operationId, int failures) {

    public static final String FIRST_STEP = "begin";

    public StepMessage {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(step, "step");
    }

    /** A provisioning step. */
    public StepMessage(String serviceId, String orderId, String backend, String step, int attempt) {
        this(serviceId, orderId, backend, step, attempt, null, 0);
    }

    /** A step of an operation ({@code operationId} null for provisioning). */
    public StepMessage(String serviceId, String orderId, String backend, String step, int attempt,
                               String operationId) {
        this(serviceId, orderId, backend, step, attempt, operationId, 0);
    }

    /** The first run of another step. */
    public StepMessage next(String nextStep) {
        return new StepMessage(serviceId, orderId, backend, nextStep, 1, operationId, 0);
    }

    /** This step again after a wait (not a failure). */
    public StepMessage waited() {
        return new StepMessage(serviceId, orderId, backend, step, attempt + 1, operationId, 0);
    }

    /** This step again after a transient failure. */
    public StepMessage retried() {
        return new StepMessage(serviceId, orderId, backend, step, attempt + 1, operationId, failures + 1);
    }

    /** Which try this is since the step last waited or started: 1, then 2 after one transient failure… */
    public int tryNumber() {
        return failures + 1;
    }
}
