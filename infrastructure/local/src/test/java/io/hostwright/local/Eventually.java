package io.hostwright.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for an asynchronous outcome by polling it until a deadline; never a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration timeout, BooleanSupplier outcome) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!outcome.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
