package io.hostwright.backends.vmmanager6.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingVmManagerApi} repeats a safe call after a transient failure: at most {@code maxAttempts} calls,
 * waiting a random time between 0 and min(cap, base × 2^(n-1)) after call n (full jitter), or longer when VMmanager
 * asked with {@code Retry-After}, and never starting a wait that would end after {@code budget} since the first call.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration budget) {

    /**
     * Four calls within 8 s. VMmanager's guide repeats a call to a sleeping instance after 0.1 s × attempt; here the
     * first wait is at most 0.5 s (0.25 s on average), and the three waits together reach up to 3.5 s (1.75 s on
     * average), so an instance asleep for a second or two is ridden out on reads. A longer sleep is the step
     * machinery's: it retries the step with its backoff. The budget leaves a 30–60 s function time to record the
     * failure and schedule that retry.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(8));

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(budget, "budget");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, is " + maxAttempts);
        }
        if (base.isNegative() || cap.compareTo(base) < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("need 0 <= base <= cap and budget >= 0: " + base + ", " + cap + ", " + budget);
        }
    }

    /** The jittered wait after failed call {@code attempt} (1-based); {@code random} is in [0, 1). */
    Duration delay(int attempt, double random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis((long) (random * (ceiling + 1)));
    }
}
