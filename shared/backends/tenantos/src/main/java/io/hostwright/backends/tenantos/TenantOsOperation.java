package io.hostwright.backends.tenantos;

import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

/** The steps of one kind of operation on a TenantOS server, after the owner check every operation starts with. */
interface TenantOsOperation {

    OperationPlan plan();

    StepOutcome run(String step, LifecycleStep t);
}
