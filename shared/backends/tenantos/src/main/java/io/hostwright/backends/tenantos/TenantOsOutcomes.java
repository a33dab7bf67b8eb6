package io.hostwright.backends.tenantos;

import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepOutcome;

import java.time.Duration;

/** What a TenantOS failure means for a step: transient ones are retried with backoff (or Retry-After), others fail. */
final class TenantOsOutcomes {

    private TenantOsOutcomes() {
    }

    static StepOutcome of(TenantOsFailure failure, String step, int attempt, Backoff backoff) {
        if (failure instanceof TenantOsFailure.Transient t) {
            Duration wait = backoff.delay(attempt);
            if (t.retryAfter() != null && t.retryAfter().compareTo(wait) > 0) {
                wait = t.retryAfter();
            }
            return new StepOutcome.Retry(wait, "TenantOS unavailable (" + t.getMessage() + ")");
        }
        return new StepOutcome.Fail("TenantOS refused " + step + ": " + failure.getMessage());
    }
}
