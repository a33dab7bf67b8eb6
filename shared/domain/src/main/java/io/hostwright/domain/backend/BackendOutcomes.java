package io.hostwright.domain.backend;

import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepOutcome;

import java.time.Duration;

/** What a back-end failure means for a step: transient ones are retried with backoff (or Retry-After), others fail. */
public final class BackendOutcomes {

    private BackendOutcomes() {
    }

    /** @param backend how staff know the back-end, e.g. "TenantOS" */
    public static StepOutcome of(BackendFailure failure, String backend, String step, int attempt, Backoff backoff) {
        if (failure instanceof BackendFailure.Transient t) {
            Duration wait = backoff.delay(attempt);
            if (t.retryAfter() != null && t.retryAfter().compareTo(wait) > 0) {
                wait = t.retryAfter();
            }
            return new StepOutcome.Retry(wait, backend + " unavailable (" + t.getMessage() + ")");
        }
        return new StepOutcome.Fail(backend + " refused " + step + ": " + failure.getMessage());
    }
}
