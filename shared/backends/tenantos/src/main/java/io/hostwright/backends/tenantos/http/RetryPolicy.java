package io.hostwright.backends.tenantos.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingTenantOsApi} retries a transient failure: at most {@code maxAttempts} calls, waiting a random time
 * between 0 and min(cap, base × 2^(n-1)) after call n (full jitter) or longer when TenantOS asked with Retry-After,
 * and never starting a wait that would end after {@code budget} since the first call.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration budget) {

    /** Four calls within 8 s: leaves a 30–60 s function time to record the failure and schedule its own retry. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(2),
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
