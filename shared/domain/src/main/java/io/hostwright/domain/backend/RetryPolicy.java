package io.hostwright.domain.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * How a back-end adapter repeats a call after a {@link BackendFailure.Transient} failure: at most
 * {@code maxAttempts} calls, waiting a random time between 0 and min(cap, base × 2^(n-1)) after call n (full
 * jitter), or longer when the back-end asked with {@code Retry-After}, and never starting a wait that would end
 * after {@code budget} since the first call. Each adapter keeps its own default.
 *
 * @param maxAttempts how many calls at most, the first included (at least 1)
 * @param base        the ceiling of the first wait
 * @param cap         the ceiling of any wait (at least {@code base})
 * @param budget      how long after the first call the last wait may end
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration budget) {

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
    public Duration delay(int attempt, double random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis((long) (random * (ceiling + 1)));
    }
}
