package io.hostwright.domain.operation;

import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;

import java.util.List;

/** What staff see of a service: itself, its provisioning steps and its operations (newest first). */
public record ServiceHistory(Service service, List<ProvisioningStep> provisioningSteps, List<Operation> operations) {

    public ServiceHistory {
        provisioningSteps = List.copyOf(provisioningSteps);
        operations = List.copyOf(operations);
    }
}
