package io.hostwright.backends.tenantos.http;

import java.time.Duration;

/** How {@link RetryingTenantOsApi} waits between calls; tests pass one that only records the wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
