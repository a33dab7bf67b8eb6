package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.fixtures.InMemoryLicenceServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetedLicenceServerTest {

    @Test
    void callsStartOnlyWhileTheBudgetLastsAndTheRestFailsTransiently() throws InterruptedException {
        InMemoryLicenceServer server = new InMemoryLicenceServer(Clock.systemUTC());
        LicenceServer budgeted = new BudgetedLicenceServer(server, Duration.ofMillis(200));

        ServerLicence.Ordered ordered = budgeted.order("203.0.113.5", "web [svc_1]", 55382, 1);
        Thread.sleep(250);

        assertThatThrownBy(() -> budgeted.newKey(ordered.id())).isInstanceOf(BackendFailure.Transient.class)
                .hasMessageContaining("the new key is left for the next");
        assertThat(server.calls).containsExactly("order");
    }
}
