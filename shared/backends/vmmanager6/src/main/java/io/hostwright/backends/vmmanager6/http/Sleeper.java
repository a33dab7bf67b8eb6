package io.hostwright.backends.vmmanager6.http;

import java.time.Duration;

/**
 * How {@link RetryingVmManagerApi} waits before it repeats a safe call (tests: not at all, or on a clock they move).
 * An interrupted wait returns early with the thread's interrupt flag set; the retry then gives up.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void sleep(Duration duration);
}
