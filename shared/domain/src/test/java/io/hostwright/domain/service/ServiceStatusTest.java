package io.hostwright.domain.service;

import io.hostwright.domain.fixtures.Samples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceStatusTest {

    private final Service pending = Samples.service("svc_1", "alice",
            Samples.dedicated("dedi", "fake", "conn", Map.of()), ServiceStatus.PENDING);

    @Test
    void provisioningPathIsAllowedAndBumpsTheVersion() {
        Service provisioning = pending.transitionTo(ServiceStatus.PROVISIONING, "claiming a server", Instant.EPOCH);
        Service active = provisioning.transitionTo(ServiceStatus.ACTIVE, null, Instant.EPOCH);
        assertThat(active.version()).isEqualTo(3);
        assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void skippingOrGoingBackIsRefused() {
        assertThatThrownBy(() -> pending.transitionTo(ServiceStatus.ACTIVE, null, Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ServiceStatus.TERMINATED.next()).isEmpty();
        assertThat(ServiceStatus.ACTIVE.canBecome(ServiceStatus.PENDING)).isFalse();
        assertThat(ServiceStatus.FAILED.canBecome(ServiceStatus.TERMINATED)).isTrue();
    }
}
