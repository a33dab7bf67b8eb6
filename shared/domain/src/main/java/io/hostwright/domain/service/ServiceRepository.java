package io.hostwright.domain.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: services and their provisioning steps. */
public interface ServiceRepository {

    Optional<Service> findService(String serviceId);

    /**
     * The services of {@code serviceIds} that exist, by id (ids of none are left out). An adapter reads them in as
     * few round trips as it can; this default reads them one by one.
     */
    default Map<String, Service> findServices(Collection<String> serviceIds) {
        Map<String, Service> found = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(serviceIds)) {
            findService(id).ifPresent(service -> found.put(id, service));
        }
        return found;
    }

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
