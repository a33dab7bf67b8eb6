package io.hostwright.backends.vmmanager6.http;

import java.time.Duration;

/** How the client waits between tries of an instance that is asleep (tests: not at all). */
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
