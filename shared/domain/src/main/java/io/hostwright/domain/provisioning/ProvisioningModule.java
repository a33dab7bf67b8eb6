package io.hostwright.domain.provisioning;

import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepOutcome;

import java.util.List;

/**
 * A back-end's provisioning, as a list of steps each run from one queue message. Implementations must make every
 * step safe to run twice: read the back-end's state first and only change what is not yet as wanted.
 */
public interface ProvisioningModule {

    /** Step names in order; the first runs after {@link StepMessage#FIRST_STEP}. */
    List<String> steps();

    /**
     * Runs one step for a service in {@code PROVISIONING}.
     *
     * @param attempt 1 for the first try, 2 after one transient failure… (a wait starts again at 1): for backoff
     */
    StepOutcome run(String step, Service service, int attempt);
}
