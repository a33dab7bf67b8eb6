package io.hostwright.domain.provisioning;

import java.util.Objects;

/**
 * A message on the provisioning queue: run {@code step} of the service's module. The first one an order produces
 * names the step {@link #FIRST_STEP}; the module decides what follows.
 */
public record ProvisioningRequest(String serviceId, String orderId, String module, String step, int attempt) {

    public static final String FIRST_STEP = "begin";

    public ProvisioningRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(step, "step");
    }
}
