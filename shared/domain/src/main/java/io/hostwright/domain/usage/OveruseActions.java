package io.hostwright.domain.usage;

import java.util.Optional;

/** Port: the operations bandwidth polling asks for on a service, as Hostwright itself. */
public interface OveruseActions {

    /** Asks for a suspension (a retry with the same key is the same request); empty when refused for now. */
    Optional<String> suspend(String serviceId, String idempotencyKey, String reason);

    /** Asks for an unsuspension, the same way. */
    Optional<String> unsuspend(String serviceId, String idempotencyKey, String reason);

    /** Whether {@code operationId} is the service's latest operation and it succeeded (nobody acted since). */
    boolean latestAndSucceeded(String serviceId, String operationId);
}
