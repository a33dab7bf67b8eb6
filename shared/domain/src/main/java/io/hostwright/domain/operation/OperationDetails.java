package io.hostwright.domain.operation;

import io.hostwright.domain.service.ProvisioningStep;

import java.util.List;

/** An operation with the steps it ran so far. */
public record OperationDetails(Operation operation, List<ProvisioningStep> steps) {

    public OperationDetails {
        steps = List.copyOf(steps);
    }
}
