package io.hostwright.domain.provisioning;

import java.time.Duration;

/** Port: the queue of provisioning steps. */
public interface ProvisioningQueue {

    /** Enqueues a step, visible to the consumer after {@code delay} (at most 15 minutes). */
    void enqueue(ProvisioningRequest request, Duration delay);

    default void enqueue(ProvisioningRequest request) {
        enqueue(request, Duration.ZERO);
    }
}
