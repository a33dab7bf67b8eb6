package io.hostwright.domain.operation;

import io.hostwright.domain.service.ServiceStatus;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Work done on a live service through the lifecycle queue, each kind allowed only from some service states, and
 * each leaving the service in one state when it reaches its turning point.
 */
public enum OperationKind {
    SUSPEND(EnumSet.of(ServiceStatus.ACTIVE), ServiceStatus.SUSPENDED),
    UNSUSPEND(EnumSet.of(ServiceStatus.SUSPENDED), ServiceStatus.ACTIVE),
    TERMINATE(EnumSet.of(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED, ServiceStatus.FAILED), ServiceStatus.TERMINATED),
    REINSTALL(EnumSet.of(ServiceStatus.ACTIVE), ServiceStatus.ACTIVE);

    private final Set<ServiceStatus> allowedFrom;
    private final ServiceStatus target;

    OperationKind(Set<ServiceStatus> allowedFrom, ServiceStatus target) {
        this.allowedFrom = allowedFrom;
        this.target = target;
    }

    public Set<ServiceStatus> allowedFrom() {
        return allowedFrom;
    }

    /** The service's status once the operation passed its turning point. */
    public ServiceStatus target() {
        return target;
    }

    /** Lower case, as in routes and messages: {@code suspend}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
