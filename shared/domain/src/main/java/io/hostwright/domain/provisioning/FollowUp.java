package io.hostwright.domain.provisioning;

import java.time.Duration;

/** The message a step run sends when it ends, and after how long it becomes visible. */
public record FollowUp(ProvisioningRequest request, Duration delay) {
}
