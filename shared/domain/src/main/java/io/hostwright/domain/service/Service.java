package io.hostwright.domain.service;

import io.hostwright.domain.catalog.BillingCycle;

import java.time.Instant;
import java.util.Objects;

/**
 * What a customer holds after ordering: one server (or VPS, tenant, licence) on one back-end.
 *
 * @param version      incremented by every write; writes are conditional on it
 * @param statusReason why it is in its status, for customers and staff (e.g. the failure reason); may be null
 */
public record Service(
        String serviceId,
        String orderId,
        String customerId,
        String customerEmail,
        String productId,
        String productName,
        String module,
        String hostname,
        String osTemplateId,
        String osName,
        int ipv4,
        int bandwidthTb,
        BillingCycle billingCycle,
        ServiceStatus status,
        String statusReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Service {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
    }

    /** This service in {@code target}, one version on; refuses a move the lifecycle does not allow. */
    public Service transitionTo(ServiceStatus target, String reason, Instant at) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("service " + serviceId + " cannot go from " + status + " to " + target);
        }
        return new Service(serviceId, orderId, customerId, customerEmail, productId, productName, module, hostname,
                osTemplateId, osName, ipv4, bandwidthTb, billingCycle, target, reason, version + 1, createdAt, at);
    }

    /** The same status with another installed OS (after a reinstall), one version on. */
    public Service withOs(String newOsTemplateId, String newOsName, String reason, Instant at) {
        return new Service(serviceId, orderId, customerId, customerEmail, productId, productName, module, hostname,
                newOsTemplateId, newOsName, ipv4, bandwidthTb, billingCycle, status, reason, version + 1, createdAt, at);
    }

    /** The same status with a new reason (e.g. "waiting for stock"), one version on. */
    public Service withReason(String reason, Instant at) {
        return new Service(serviceId, orderId, customerId, customerEmail, productId, productName, module, hostname,
                osTemplateId, osName, ipv4, bandwidthTb, billingCycle, status, reason, version + 1, createdAt, at);
    }
}
