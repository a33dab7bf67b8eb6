package io.hostwright.domain.storefront;

import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;

import java.util.List;

/** A service with the provisioning steps recorded so far, as its owner may see it. */
public record ServiceDetails(Service service, List<ProvisioningStep> steps) {
}
