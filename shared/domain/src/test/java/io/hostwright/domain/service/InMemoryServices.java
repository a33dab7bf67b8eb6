package io.hostwright.domain.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Services in a map the test owns, replaced on the expected status and version as the DynamoDB adapter does. */
public record InMemoryServices(Map<String, Service> services) implements ServiceRepository {

    @Override
    public Optional<Service> findService(String id) {
        return Optional.ofNullable(services.get(id));
    }

    @Override
    public List<Service> listByCustomer(String customerId) {
        return services.values().stream().filter(s -> s.customerId().equals(customerId)).toList();
    }

    @Override
    public List<ProvisioningStep> steps(String id) {
        return List.of();
    }

    @Override
    public synchronized boolean replace(Service expected, Service updated) {
        Service now = services.get(expected.serviceId());
        if (now == null || now.version() != expected.version() || now.status() != expected.status()) {
            return false;
        }
        services.put(updated.serviceId(), updated);
        return true;
    }

    @Override
    public void recordStep(ProvisioningStep step) {
    }
}
