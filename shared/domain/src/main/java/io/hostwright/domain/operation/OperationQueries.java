package io.hostwright.domain.operation;

import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

/** Use case: read operations. Customers see their own services' only; another customer's is 404. */
public final class OperationQueries {

    private final ServiceRepository services;
    private final OperationRepository operations;

    public OperationQueries(ServiceRepository services, OperationRepository operations) {
        this.services = services;
        this.operations = operations;
    }

    public OperationDetails operation(Caller caller, String serviceId, String operationId) {
        Service service = visible(caller, serviceId);
        Operation operation = operations.find(service.serviceId(), operationId)
                .orElseThrow(() -> new NotFound("operation", operationId));
        return new OperationDetails(operation, operations.steps(serviceId, operationId));
    }

    public ServiceHistory history(Caller caller, String serviceId) {
        Service service = visible(caller, serviceId);
        return new ServiceHistory(service, services.steps(serviceId), operations.list(serviceId));
    }

    private Service visible(Caller caller, String serviceId) {
        return services.findService(serviceId)
                .filter(s -> caller.staff() || s.customerId().equals(caller.customerId()))
                .orElseThrow(() -> new NotFound("service", serviceId));
    }
}
