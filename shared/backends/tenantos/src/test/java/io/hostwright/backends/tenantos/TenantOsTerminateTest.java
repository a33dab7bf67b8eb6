package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryServer.failed;
import static io.hostwright.backends.tenantos.InMemoryServer.finished;
import static io.hostwright.backends.tenantos.InMemoryServer.running;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Terminate through {@link TenantOsLifecycle#run}: the server is taken back from the customer at once, but goes back
 * in stock — tags and claim — only after its disks were wiped.
 */
class TenantOsTerminateTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.active("svc_ada");
    final InMemoryServer server = world.serverOf(service);
    final long user = world.userOf(service);
    final Operation terminate = world.operation(service, OperationKind.TERMINATE);

    @Test
    void aServerReassignedByHandNeedsStaffAndIsNotTouched() {
        long stranger = tenantOs.addUser("bob@example.test").id();
        server.owner = stranger;

        StepOutcome outcome = world.operate(terminate, "check-owner", service);

        assertThat(outcome).isInstanceOf(StepOutcome.Attention.class);
        assertThat(tenantOs.calls).containsExactly("server(" + server.id + ")");
        assertThat(server.owner).isEqualTo(stranger);
        assertThat(server.hostname).isEqualTo("svc-ada.example.com");
        assertThat(world.mails.queued).isEmpty();
    }

    @Test
    void aTerminationTakesTheServerBackWipesItReturnsItToStockAndRemovesTheUser() {
        server.ips.add(new IpAssignment(7001, "198.51.100.30", false, true, TenantOsWorld.IPV4_SUBNET));
        String primary = server.ips.getFirst().ip();

        StepOutcome outcome = world.operateAll(terminate, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("TenantOS user " + user + " removed"));
        assertThat(server.power).isEqualTo("off");
        assertThat(server.owner).isEqualTo(TenantOsWorld.STOCK_OWNER);
        assertThat(server.hostname).isEqualTo("free-" + server.id);
        assertThat(server.ips).extracting(IpAssignment::ip).containsExactly(primary);
        assertThat(server.starts).hasSize(2).last().isEqualTo(new InMemoryServer.Start(TenantOsWorld.WIPE, null, null));
        assertThat(server.tags).containsExactlyInAnyOrder("ryzen", "forRent");
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).isNull();
        assertThat(tenantOs.users).doesNotContainKey(user);
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(
                        tuple(MailTemplate.TERMINATED, "terminated", List.of("ada@example.test")),
                        tuple(MailTemplate.DISK_WIPE_FINISHED, "disk-wipe-finished#" + terminate.operationId(),
                                List.of(TenantOsWorld.DEPARTMENT)));
    }

    @Test
    void staffHearOfTheWipeOnceTheServerIsBackInStockAndAreAskedForNothing() {
        for (String step : List.of("check-owner", "power-off", "reset-server", "release-ips", "start-wipe",
                "await-wipe")) {
            world.operate(terminate, step, service);
        }
        assertThat(world.mails.of(MailTemplate.DISK_WIPE_FINISHED)).as("wiped, but not yet back in stock").isEmpty();

        world.operate(terminate, "return-to-stock", service);

        assertThat(world.mails.of(MailTemplate.DISK_WIPE_FINISHED)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(TenantOsWorld.DEPARTMENT);
            assertThat(mail.variables()).containsEntry(MailVariables.SERVER, Long.toString(server.id))
                    .containsEntry(MailVariables.TAGS, String.join(", ", server.tags))
                    .doesNotContainKey(MailVariables.ROOT_PASSWORD);
        });
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).as("back in stock when told").isNull();
    }

    @Test
    void whileTheDisksAreWipedTheServerStaysOutOfStockAndAnotherOrderWaits() {
        onlyThisServerInStock();
        server.afterNextStart(running(10), running(50), finished("disk wipe finished"));
        assertThat(world.operateFrom(terminate, "check-owner", service)).isInstanceOf(StepOutcome.Wait.class);
        Service next = world.order("svc_bob", "bob", world.product, Map.of());
        world.provision(next, "create-user");

        assertThat(world.provision(next, "claim-server")).isInstanceOf(StepOutcome.Wait.class);
        assertThat(server.owner).isEqualTo(TenantOsWorld.STOCK_OWNER);
        assertThat(server.tags).doesNotContain("forRent");
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).isEqualTo("svc_ada");

        assertThat(world.operateFrom(terminate, "await-wipe", service)).isInstanceOf(StepOutcome.Done.class);
        assertThat(world.provision(next, "claim-server")).isEqualTo(new StepOutcome.Next("assign-server",
                "server " + server.id + " claimed"));
    }

    @Test
    void aFailedWipeKeepsTheServerOutOfStock() {
        server.afterNextStart(running(10), failed("disk 2 did not answer"));

        StepOutcome outcome = world.operateAll(terminate, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("disk wipe of server " + server.id
                + " failed: disk 2 did not answer; the server stays out of stock"));
        assertThat(server.tags).doesNotContain("forRent");
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).isEqualTo("svc_ada");
        assertThat(world.mails.of(MailTemplate.DISK_WIPE_FINISHED)).isEmpty();
    }

    @Test
    void aWipeStillRunningAfterItsDeadlineKeepsTheServerOutOfStock() {
        server.afterNextStart(running(10));
        assertThat(world.operateAll(terminate, service)).isInstanceOf(StepOutcome.Wait.class);
        world.clock.advance(Duration.ofHours(6).plusMinutes(1));

        StepOutcome outcome = world.operate(terminate, "await-wipe", service);

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("disk wipe of server " + server.id
                + " did not finish within 360 minutes; the server stays out of stock"));
        assertThat(server.tags).doesNotContain("forRent");
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).isEqualTo("svc_ada");
    }

    @Test
    void aStaleFinishedRightAfterTheWipeStartIsNotTakenForTheWipe() {
        server.afterNextStart(finished("installation finished"), finished("installation finished"), running(40),
                finished("disk wipe finished"));

        StepOutcome stale = world.operateFrom(terminate, "check-owner", service); // up to the first await-wipe
        StepOutcome wiping = world.operate(terminate, "await-wipe", service);
        StepOutcome wiped = world.operate(terminate, "await-wipe", service);

        assertThat(stale).isInstanceOf(StepOutcome.Wait.class);
        assertThat(wiping).isInstanceOf(StepOutcome.Wait.class);
        assertThat(world.lifecycleState(service).jobSeenRunning()).isTrue();
        assertThat(wiped).isEqualTo(new StepOutcome.Next("return-to-stock", "disk wipe of server " + server.id
                + " finished"));
    }

    @Test
    void aLostWipeStartIsNotRepeatedWhileTheStatusStillReportsTheJobBefore() {
        server.afterNextStart(finished("installation finished"), running(5), finished("disk wipe finished"));
        tenantOs.loseNextAnswer("startReinstallation", unavailable());
        world.operateFrom(terminate, "check-owner", service);

        StepOutcome retried = world.operate(terminate, "start-wipe", service);

        assertThat(retried).isInstanceOf(StepOutcome.Next.class);
        assertThat(server.starts).hasSize(2); // the installation, then one wipe
        assertThat(world.operateFrom(terminate, "await-wipe", service)).isInstanceOf(StepOutcome.Done.class);
    }

    @Test
    void withoutAWipeProfileTheServerGoesStraightBackToStock() {
        Service unwiped = world.active(world.order("svc_nowipe", "cleo", TenantOsWorld.product(Map.of()), Map.of()));
        InMemoryServer itsServer = world.serverOf(unwiped);

        StepOutcome outcome = world.operateAll(world.operation(unwiped, OperationKind.TERMINATE), unwiped);

        assertThat(outcome).isInstanceOf(StepOutcome.Done.class);
        assertThat(itsServer.starts).hasSize(1); // its installation only
        assertThat(itsServer.tags).contains("forRent");
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, itsServer.id)).isNull();
    }

    @Test
    void terminatingASuspendedServerLiftsTheSuspensionAndBringsItsPortsBack() {
        world.operateAll(world.operation(service, OperationKind.SUSPEND), service);
        world.forgetHistory();

        world.operateFrom(world.operation(service, OperationKind.TERMINATE), "check-owner", service);

        assertThat(server.suspendedUsers).isEmpty();
        assertThat(server.ports).allSatisfy(p -> assertThat(p.enabled()).isTrue());
    }

    @Test
    void everyStepRunTwiceChangesNothingMore() {
        server.ips.add(new IpAssignment(7001, "198.51.100.30", false, true, TenantOsWorld.IPV4_SUBNET));
        for (String step : world.steps(OperationKind.TERMINATE)) {
            world.operate(terminate, step, service);
            world.operate(terminate, step, service);
        }

        assertThat(tenantOs.count("power")).isEqualTo(1);
        assertThat(tenantOs.count("removeIpAssignment")).isEqualTo(1);
        assertThat(server.starts).hasSize(2); // the installation, then one wipe
        assertThat(tenantOs.calls("updateServer")).hasSize(2); // taken back, then tagged for stock
        assertThat(server.tags).containsExactlyInAnyOrder("ryzen", "forRent");
        assertThat(tenantOs.users).doesNotContainKey(user);
        assertThat(world.mails.queued).extracting(MailRequest::event)
                .containsOnly("terminated", "disk-wipe-finished#" + terminate.operationId());
    }

    @Test
    void aRedeliveryAfterTheServerWasHandedBackPassesTheOwnerCheck() {
        for (String step : List.of("check-owner", "power-off", "reset-server")) {
            world.operate(terminate, step, service);
        }

        assertThat(world.operate(terminate, "check-owner", service)).isInstanceOf(StepOutcome.Next.class);
    }

    @Test
    void aServiceThatNeverGotAServerIsTerminatedWithoutTouchingTenantOsAndTheCustomerIsTold() {
        Service never = world.order("svc_never");
        never = never.transitionTo(ServiceStatus.FAILED, "no stock", world.clock.instant());
        world.services.put(never.serviceId(), never);

        StepOutcome outcome = world.operateAll(world.operation(never, OperationKind.TERMINATE), never);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("no server had been assigned"));
        assertThat(tenantOs.calls).isEmpty();
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::to)
                .containsExactly(tuple(MailTemplate.TERMINATED, List.of("ada@example.test")));
    }

    @Test
    void aServiceThatNeverGotAServerLosesTheUserItsOrderCreated() {
        Service never = world.order("svc_lonely", "lonely", TenantOsWorld.product(Map.of()), Map.of());
        world.provision(never, "create-user");
        long created = world.state(never).userId();
        never = never.transitionTo(ServiceStatus.FAILED, "no stock", world.clock.instant());
        world.services.put(never.serviceId(), never);

        StepOutcome outcome = world.operateAll(world.operation(never, OperationKind.TERMINATE), never);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("no server had been assigned; TenantOS user " + created
                + " removed"));
        assertThat(tenantOs.users).doesNotContainKey(created);
    }

    @Test
    void theUserIsKeptWhileAnotherServerIsTheirs() {
        world.active("svc_ada_2");

        StepOutcome outcome = world.operateAll(terminate, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("TenantOS user " + user
                + " kept: other servers are theirs"));
        assertThat(tenantOs.users).containsKey(user);
    }

    @Test
    void theUserIsKeptWhileAnotherServiceOfTheCustomerOnTheConnectionIsStillProvisioning() {
        world.order("svc_ada_2");

        StepOutcome outcome = world.operateAll(terminate, service);

        assertThat(outcome.detail()).endsWith("kept: another service of the customer uses it");
        assertThat(tenantOs.users).containsKey(user);
    }

    @Test
    void theUserIsKeptWhenTheProductSaysSo() {
        Service keeping = world.active(world.order("svc_keep", "cleo", TenantOsWorld.product(Map.of(
                "terminationProfileId", TenantOsWorld.WIPE, "removeUserOnTermination", false)), Map.of()));
        long cleo = world.userOf(keeping);

        world.operateAll(world.operation(keeping, OperationKind.TERMINATE), keeping);

        assertThat(tenantOs.users).containsKey(cleo);
        assertThat(tenantOs.count("deleteUser")).isZero();
    }

    private void onlyThisServerInStock() {
        tenantOs.servers.values().stream().filter(s -> s.id != server.id)
                .forEach(s -> s.tags = List.of("maintenance"));
    }
}
