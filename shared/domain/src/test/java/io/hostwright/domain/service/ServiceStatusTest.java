package io.hostwright.domain.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceStatusTest {

    private final Service pending = new Service("svc_1", "ord_1", "alice", "alice@example.test", "dedi", "Dedi",
            "tenantos", "a.example.com", "debian-12", "Debian 12", 1, 10, null, ServiceStatus.PENDING, null, 1,
            Instant.EPOCH, Instant.EPOCH);

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
