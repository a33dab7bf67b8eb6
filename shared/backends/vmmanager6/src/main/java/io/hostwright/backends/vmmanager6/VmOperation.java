package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

/** One kind of operation on a VPS: its steps after {@code check-host}, and how each runs. */
interface VmOperation {

    OperationPlan plan();

    StepOutcome run(String step, VmOperationStep t);
}
