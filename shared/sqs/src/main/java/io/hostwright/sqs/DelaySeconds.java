package io.hostwright.sqs;

import java.time.Duration;

/** A delay as SQS's {@code DelaySeconds}: whole seconds rounded up, at most its 15 minutes. */
final class DelaySeconds {

    private static final long MAX = 900;

    private DelaySeconds() {
    }

    static int of(Duration delay) {
        return (int) Math.clamp((delay.toMillis() + 999) / 1000, 0, MAX);
    }
}
