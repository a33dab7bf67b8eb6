package io.hostwright.domain.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * A service's lifecycle. Every change goes through {@link #canBecome} and is written conditionally on the status
 * and version it was read with, so two deliveries of one message cannot both apply.
 */
public enum ServiceStatus {
    PENDING,
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    FAILED,
    TERMINATED;

    public Set<ServiceStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROVISIONING, FAILED);
            case PROVISIONING -> EnumSet.of(ACTIVE, FAILED);
            case ACTIVE -> EnumSet.of(SUSPENDED, TERMINATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, TERMINATED);
            case FAILED -> EnumSet.of(TERMINATED);
            case TERMINATED -> EnumSet.noneOf(ServiceStatus.class);
        };
    }

    public boolean canBecome(ServiceStatus target) {
        return next().contains(target);
    }
}
