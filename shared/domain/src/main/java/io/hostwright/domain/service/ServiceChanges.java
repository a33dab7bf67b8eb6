package io.hostwright.domain.service;

import java.util.function.UnaryOperator;

/** Applies a change to the freshest copy of a service, retrying when another write came first. */
public final class ServiceChanges {

    private static final int ATTEMPTS = 5;

    private ServiceChanges() {
    }

    /** @return the service as written (or as it stood, when the change left it alone) */
    public static Service apply(ServiceRepository services, Service read, UnaryOperator<Service> change) {
        Service current = read;
        for (int i = 0; i < ATTEMPTS; i++) {
            Service changed = change.apply(current);
            if (changed == current || services.replace(current, changed)) {
                return changed;
            }
            current = services.findService(read.serviceId()).orElseThrow();
        }
        throw new IllegalStateException("service " + read.serviceId() + " keeps changing under us");
    }
}
