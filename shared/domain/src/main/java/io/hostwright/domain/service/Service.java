package io.hostwright.domain.service;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ServiceType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * What a customer holds after ordering: one server (or VPS, tenant, rack unit, licence) on one back-end.
 *
 * @param sold         what it was sold as, pinned at order time
 * @param hostname     null for services without one (a tenant, a licence)
 * @param osTemplateId null for services without an operating system
 * @param version      incremented by every write; writes are conditional on it
 * @param statusReason why it is in its status, for customers and staff (e.g. the failure reason); may be null
 * @param paidUntil    when the period the customer paid for ends (the billing system extends it); null when unknown,
 *                     e.g. for services from before it was recorded
 */
public record Service(
        String serviceId,
        String orderId,
        String customerId,
        String customerEmail,
        SoldProduct sold,
        String hostname,
        String osTemplateId,
        String osName,
        ServiceStatus status,
        String statusReason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant paidUntil) {

    public Service {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sold, "sold");
        Objects.requireNonNull(status, "status");
    }

    /** A service with no paid period recorded. */
    public Service(String serviceId, String orderId, String customerId, String customerEmail, SoldProduct sold,
                   String hostname, String osTemplateId, String osName, ServiceStatus status, String statusReason,
                   long version, Instant createdAt, Instant updatedAt) {
        this(serviceId, orderId, customerId, customerEmail, sold, hostname, osTemplateId, osName, status,
                statusReason, version, createdAt, updatedAt, null);
    }

    /** {@code months} calendar months after {@code from}, counted in UTC (31 January + 1 month = end of February). */
    public static Instant monthsAfter(Instant from, int months) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    public String productId() {
        return sold.productId();
    }

    public String productName() {
        return sold.productName();
    }

    public ServiceType type() {
        return sold.type();
    }

    public String backend() {
        return sold.backend();
    }

    public String connectionId() {
        return sold.connectionId();
    }

    public BillingCycle billingCycle() {
        return sold.billingCycle();
    }

    public Map<String, String> options() {
        return sold.options();
    }

    /** The hostname, or the service id for services without one: how mails and staff name it. */
    public String label() {
        return hostname == null || hostname.isBlank() ? serviceId : hostname;
    }

    /** This service in {@code target}, one version on; refuses a move the lifecycle does not allow. */
    public Service transitionTo(ServiceStatus target, String reason, Instant at) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("service " + serviceId + " cannot go from " + status + " to " + target);
        }
        return new Service(serviceId, orderId, customerId, customerEmail, sold, hostname, osTemplateId, osName,
                target, reason, version + 1, createdAt, at, paidUntil);
    }

    /** The same status with another installed OS (after a reinstall), one version on. */
    public Service withOs(String newOsTemplateId, String newOsName, String reason, Instant at) {
        return new Service(serviceId, orderId, customerId, customerEmail, sold, hostname, newOsTemplateId, newOsName,
                status, reason, version + 1, createdAt, at, paidUntil);
    }

    /** The same status with a new reason (e.g. "waiting for stock"), one version on. */
    public Service withReason(String reason, Instant at) {
        return new Service(serviceId, orderId, customerId, customerEmail, sold, hostname, osTemplateId, osName,
                status, reason, version + 1, createdAt, at, paidUntil);
    }

    /** The same service paid until {@code until}, one version on. */
    public Service withPaidUntil(Instant until, Instant at) {
        return new Service(serviceId, orderId, customerId, customerEmail, sold, hostname, osTemplateId, osName,
                status, statusReason, version + 1, createdAt, at, until);
    }
}
