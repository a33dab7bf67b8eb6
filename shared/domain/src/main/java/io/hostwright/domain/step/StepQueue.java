package io.hostwright.domain.step;

import java.time.Duration;

/** Port: the queue of provisioning steps. */
public interface StepQueue {

    /** Enqueues a step, visible to the consumer after {@code delay} (at most 15 minutes). */
    void enqueue(StepMessage request, Duration delay);

    default void enqueue(StepMessage request) {
        enqueue(request, Duration.ZERO);
    }
}
