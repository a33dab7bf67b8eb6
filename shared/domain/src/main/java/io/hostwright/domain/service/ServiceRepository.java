package io.hostwright.domain.service;

import java.util.List;
import java.util.Optional;

/** Port: services and their provisioning steps. */
public interface ServiceRepository {

    Optional<Service> findService(String serviceId);

    /** A customer's services, newest first. */
    List<Service> listByCustomer(String customerId);

    List<ProvisioningStep> steps(String serviceId);

    /**
     * Writes {@code updated} only if the stored service still has {@code expected}'s status and version.
     *
     * @return false when someone else changed it first (nothing written)
     */
    boolean replace(Service expected, Service updated);

    /** Creates or replaces the record of one step. */
    void recordStep(ProvisioningStep step);
}
