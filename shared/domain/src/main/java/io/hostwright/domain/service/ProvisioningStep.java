package io.hostwright.domain.service;

import java.time.Instant;

/**
 * The recorded outcome of one provisioning step of a service, e.g. {@code claim-server}: visible to customers
 * (status) and staff (detail), and what makes a redelivered step message a no-op.
 *
 * @param attempts how many times the step ran
 * @param detail   human-readable outcome; never a secret
 */
public record ProvisioningStep(String serviceId, int sequence, String name, StepStatus status, int attempts,
                               String detail, Instant updatedAt) {
}
