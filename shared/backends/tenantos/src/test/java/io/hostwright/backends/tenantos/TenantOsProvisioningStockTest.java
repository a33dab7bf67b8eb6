package io.hostwright.backends.tenantos;

import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * claim-server against stock: which servers may be sold, waiting for stock and giving up on it (removing only a user
 * the order created and nothing else uses), and a redelivery after a crash between claim and state.
 */
class TenantOsProvisioningStockTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.order("svc_ada");

    @Test
    void onlyAnIdleUnownedServerCarryingEveryMatchTagAndNoExcludedOneIsClaimed() {
        tenantOs.servers.get(201L).busy = true;
        tenantOs.servers.get(202L).tags = List.of("forRent", "ryzen", "broken");
        tenantOs.servers.get(203L).owner = tenantOs.addUser("bob@example.test").id();
        tenantOs.addServer(204, 0, List.of("forRent", "ryzen", "gpu"), "203.0.113.4", 30);
        world.provision(service, "create-user");

        world.provision(service, "claim-server");

        assertThat(world.state(service).serverId()).isEqualTo(204L);
        assertThat(world.claims.heldBy("svc_ada")).isEqualTo(1);
    }

    @Test
    void aServerAnotherServiceClaimedIsNotTakenWhileItIsStillUnownedUpstream() {
        onlyServer201InStock();
        Service first = world.order("svc_first");
        world.provision(first, "create-user");
        world.provision(first, "claim-server");
        world.provision(service, "create-user");

        StepOutcome outcome = world.provision(service, "claim-server");

        assertThat(outcome).isInstanceOf(StepOutcome.Wait.class);
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, 201)).isEqualTo("svc_first");
        assertThat(world.state(service).serverId()).isNull();
    }

    @Test
    void withoutStockTheOrderWaitsAndStaffAreToldOnce() {
        noStock();
        world.provision(service, "create-user");

        StepOutcome first = world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(5));
        StepOutcome second = world.provision(service, "claim-server");

        assertThat(first).isInstanceOf(StepOutcome.Wait.class);
        assertThat(((StepOutcome.Wait) first).delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.detail()).isEqualTo("waiting for stock: no free server tagged [forRent, ryzen]");
        assertThat(second).isInstanceOf(StepOutcome.Wait.class);
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(tuple(MailTemplate.STAFF_WAITING_FOR_STOCK, "waiting-for-stock",
                        List.of(TenantOsWorld.DEPARTMENT)));
    }

    @Test
    void stockThatArrivesBeforeTheDeadlineEndsTheWait() {
        noStock();
        world.provision(service, "create-user");
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(50));
        tenantOs.addServer(205, TenantOsWorld.STOCK_OWNER, List.of("forRent", "ryzen"), "203.0.113.5", 30);

        StepOutcome outcome = world.provision(service, "claim-server");

        assertThat(outcome).isEqualTo(new StepOutcome.Next("assign-server", "server 205 claimed"));
        assertThat(world.state(service).stockWaitSince()).isNull();
    }

    @Test
    void anOrderThatNeverGotStockFailsAtTheDeadlineAndRemovesTheUserItCreated() {
        noStock();
        world.provision(service, "create-user");
        long user = world.userOf(service);
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(61));

        StepOutcome outcome = world.provision(service, "claim-server");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).startsWith("no free server tagged [forRent, ryzen] within 60 minutes")
                .endsWith("TenantOS user " + user + " removed");
        assertThat(tenantOs.users).doesNotContainKey(user);
        assertThat(world.state(service).userId()).isNull();
    }

    @Test
    void aUserWhoseCreateAnswerWasLostIsStillTheOrdersAndGoesAtTheDeadline() {
        noStock();
        tenantOs.loseNextAnswer("createUser", InMemoryTenantOs.unavailable());
        assertThat(world.provision(service, "create-user")).isInstanceOf(StepOutcome.Retry.class);
        assertThat(world.provision(service, "create-user")).isInstanceOf(StepOutcome.Next.class);
        long user = world.userOf(service);
        assertThat(tenantOs.count("createUser")).as("found by e-mail, not created twice").isEqualTo(1);
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(61));

        assertThat(world.provision(service, "claim-server")).isInstanceOf(StepOutcome.Fail.class);

        assertThat(tenantOs.users).doesNotContainKey(user);
    }

    @Test
    void atTheStockDeadlineAUserFoundByEmailIsKept() {
        noStock();
        TenantOsUser existing = tenantOs.addUser("ada@example.test");
        world.provision(service, "create-user");
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(61));

        assertThat(world.provision(service, "claim-server")).isInstanceOf(StepOutcome.Fail.class);

        assertThat(tenantOs.users).containsKey(existing.id());
        assertThat(tenantOs.count("deleteUser")).isZero();
    }

    @Test
    void atTheStockDeadlineAUserAnotherLiveServiceOfTheCustomerOnTheConnectionUsesIsKept() {
        noStock();
        world.provision(service, "create-user");
        long user = world.userOf(service);
        // a second order of the same customer, still provisioning: no server of theirs upstream yet
        world.order("svc_ada_2");
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(61));

        StepOutcome outcome = world.provision(service, "claim-server");

        assertThat(outcome.detail()).endsWith("TenantOS user " + user + " kept: another service of the customer uses it");
        assertThat(tenantOs.users).containsKey(user);
        assertThat(tenantOs.count("deleteUser")).isZero();
    }

    @Test
    void atTheStockDeadlineAnEndedServiceOfTheCustomerDoesNotKeepTheUser() {
        noStock();
        world.provision(service, "create-user");
        long user = world.userOf(service);
        Service ended = world.order("svc_old");
        world.services.put(ended.serviceId(), ended.transitionTo(ServiceStatus.FAILED, "no stock", world.clock.instant()));
        world.provision(service, "claim-server");
        world.clock.advance(Duration.ofMinutes(61));

        world.provision(service, "claim-server");

        assertThat(tenantOs.users).doesNotContainKey(user);
    }

    // new stock changes the order candidates are tried in, so a redelivery that forgot the crashed claim would pick
    // another server in some of these
    @ParameterizedTest(name = "{0} server(s) added to stock before the redelivery")
    @ValueSource(ints = {0, 1, 2, 3})
    void aRedeliveryAfterACrashBetweenClaimAndStateFinishesTheSameClaim(int newStock) {
        world.provision(service, "create-user");
        world.states.crashOnceOnSave(state -> state.containsKey("serverId"));

        assertThatThrownBy(() -> world.provision(service, "claim-server")).isInstanceOf(InMemoryModuleState.Crash.class);
        long claimedBeforeTheCrash = claimedBy("svc_ada");
        for (int i = 1; i <= newStock; i++) {
            tenantOs.addServer(190 + i, TenantOsWorld.STOCK_OWNER, List.of("forRent", "ryzen"), "203.0.113.9" + i, 30);
        }
        StepOutcome redelivered = world.provision(service, "claim-server");

        assertThat(redelivered).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.state(service).serverId()).isEqualTo(claimedBeforeTheCrash);
        assertThat(world.claims.heldBy("svc_ada")).isEqualTo(1);
    }

    @Test
    void aClaimLeftByACrashOnAServerTakenUpstreamMeanwhileIsGivenBackAndAnotherIsClaimed() {
        world.provision(service, "create-user");
        world.states.crashOnceOnSave(state -> state.containsKey("serverId"));
        assertThatThrownBy(() -> world.provision(service, "claim-server")).isInstanceOf(InMemoryModuleState.Crash.class);
        long lost = claimedBy("svc_ada");
        tenantOs.servers.get(lost).owner = tenantOs.addUser("bob@example.test").id();

        world.provision(service, "claim-server");

        long claimed = world.state(service).serverId();
        assertThat(claimed).isNotEqualTo(lost);
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, lost)).isNull();
        assertThat(world.claims.heldBy("svc_ada")).isEqualTo(1);
        assertThat(world.state(service).claimingServerId()).isNull();
    }

    private long claimedBy(String serviceId) {
        return TenantOsWorld.STOCK.stream()
                .filter(id -> serviceId.equals(world.claims.holder(TenantOsWorld.CONNECTION, id)))
                .reduce((a, b) -> {
                    throw new AssertionError(serviceId + " holds more than one server");
                })
                .orElseThrow(() -> new AssertionError(serviceId + " holds no server"));
    }

    private void onlyServer201InStock() {
        tenantOs.servers.keySet().removeIf(id -> id != 201L);
    }

    private void noStock() {
        tenantOs.servers.keySet().removeAll(TenantOsWorld.STOCK);
    }
}
