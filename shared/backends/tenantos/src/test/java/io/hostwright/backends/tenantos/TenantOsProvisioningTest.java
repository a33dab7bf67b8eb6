package io.hostwright.backends.tenantos;

import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.template.ConnectionTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryServer.finished;
import static io.hostwright.backends.tenantos.InMemoryServer.running;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.refused;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Provisioning on an in-memory TenantOS, step by step: what each step leaves upstream, that running it again changes
 * nothing more, and how TenantOS failures end a step. Stock, addresses and the install wait have their own classes.
 */
class TenantOsProvisioningTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.order("svc_ada");

    @Test
    void theStepsRunInOrderAndLeaveTheCustomerAnInstalledServer() {
        List<String> ran = new ArrayList<>();
        String step = "create-user";
        StepOutcome outcome;
        do {
            ran.add(step);
            outcome = world.provision(service, step);
            step = outcome instanceof StepOutcome.Next next ? next.next() : null;
        } while (step != null);

        assertThat(outcome).isInstanceOf(StepOutcome.Done.class);
        assertThat(ran).containsExactly("create-user", "claim-server", "assign-server", "set-ips", "start-install",
                "await-install");
        InMemoryServer server = world.serverOf(service);
        assertThat(server.owner).isEqualTo(world.userOf(service));
        assertThat(server.hostname).isEqualTo("svc-ada.example.com");
        assertThat(server.starts).extracting(InMemoryServer.Start::profileId).containsExactly(TenantOsWorld.DEBIAN);
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, server.id)).isEqualTo("svc_ada");
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(
                        tuple(MailTemplate.SERVER_PROVISIONING, "server-provisioning", List.of("ada@example.test")),
                        tuple(MailTemplate.SERVER_READY, "server-ready", List.of("ada@example.test")));
    }

    @Test
    void createUserMakesTheCustomersUserWithTheProductsRoleOnce() {
        assertThat(world.provision(service, "create-user")).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.provision(service, "create-user")).isEqualTo(new StepOutcome.Next("claim-server",
                "TenantOS user " + world.userOf(service)));

        assertThat(tenantOs.count("createUser")).isEqualTo(1);
        TenantOsUser user = tenantOs.users.get(world.userOf(service));
        assertThat(user.email()).isEqualTo("ada@example.test");
        assertThat(user.roleId()).isEqualTo(TenantOsWorld.ROLE);
        assertThat(world.state(service).userCreated()).isTrue();
    }

    @Test
    void createUserTakesTheUserFoundByEmailAndRemembersItWasNotCreatedForThisOrder() {
        TenantOsUser existing = tenantOs.addUser("ADA@example.test");

        world.provision(service, "create-user");

        assertThat(tenantOs.count("createUser")).isZero();
        assertThat(world.state(service).userId()).isEqualTo(existing.id());
        assertThat(world.state(service).userCreated()).isFalse();
    }

    @Test
    void claimServerClaimsOneFreeServerOfTheProductAndKeepsItWhenRunAgain() {
        world.provision(service, "create-user");

        assertThat(world.provision(service, "claim-server")).isInstanceOf(StepOutcome.Next.class);
        long claimed = world.state(service).serverId();
        assertThat(world.provision(service, "claim-server")).isInstanceOf(StepOutcome.Next.class);

        assertThat(TenantOsWorld.STOCK).contains(claimed);
        assertThat(world.state(service).serverId()).isEqualTo(claimed);
        assertThat(world.claims.holder(TenantOsWorld.CONNECTION, claimed)).isEqualTo("svc_ada");
        assertThat(world.claims.heldBy("svc_ada")).isEqualTo(1);
        assertThat(tenantOs.count("serversByTags")).isEqualTo(1);
    }

    @Test
    void assignServerGivesTheServerToTheUserUnderTheServiceHostnameAndSwapsTheTagsOnce() {
        world.provision(service, "create-user");
        world.provision(service, "claim-server");

        assertThat(world.provision(service, "assign-server")).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.provision(service, "assign-server")).isInstanceOf(StepOutcome.Next.class);

        InMemoryServer server = world.serverOf(service);
        assertThat(server.owner).isEqualTo(world.userOf(service));
        assertThat(server.hostname).isEqualTo("svc-ada.example.com");
        assertThat(server.tags).containsExactlyInAnyOrder("ryzen", "assigned");
        assertThat(tenantOs.count("updateServer")).isEqualTo(1);
    }

    @Test
    void assignServerFailsAndLeavesTheServerAloneWhenStaffGaveItToSomeoneElseMeanwhile() {
        world.provision(service, "create-user");
        world.provision(service, "claim-server");
        InMemoryServer server = world.serverOf(service);
        long stranger = tenantOs.addUser("bob@example.test").id();
        server.owner = stranger;

        StepOutcome outcome = world.provision(service, "assign-server");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).contains("given to TenantOS user " + stranger + " by hand");
        assertThat(tenantOs.count("updateServer")).isZero();
        assertThat(server.hostname).isEqualTo("stock-" + server.id);
    }

    @Test
    void startInstallInstallsTheChosenOsWithTheStoredRootPasswordOnce() {
        provisionUpTo("start-install");

        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Next.class);

        InMemoryServer server = world.serverOf(service);
        assertThat(server.starts).hasSize(1);
        InMemoryServer.Start start = server.starts.getFirst();
        assertThat(start.profileId()).isEqualTo(TenantOsWorld.DEBIAN);
        assertThat(start.hostname()).isEqualTo("svc-ada.example.com");
        assertThat(start.rootPassword()).isNotBlank()
                .isEqualTo(world.secrets.get("svc_ada", TenantOsProvisioning.ROOT_PASSWORD).orElseThrow());
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::to)
                .containsExactly(tuple(MailTemplate.SERVER_PROVISIONING, List.of("ada@example.test")));
    }

    @Test
    void startInstallWhoseAnswerWasLostDoesNotStartASecondInstallationOnRetry() {
        provisionUpTo("start-install");
        tenantOs.loseNextAnswer("startReinstallation", unavailable());

        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Retry.class);
        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Next.class);

        InMemoryServer server = world.serverOf(service);
        assertThat(server.starts).hasSize(1);
        assertThat(server.starts.getFirst().rootPassword())
                .isEqualTo(world.secrets.get("svc_ada", TenantOsProvisioning.ROOT_PASSWORD).orElseThrow());
    }

    @Test
    void aLostStartIsNotRepeatedWhileTheStatusStillReportsTheJobBefore() {
        provisionUpTo("start-install");
        world.serverOf(service).afterNextStart(finished("disk wipe finished"), running(5),
                finished("installation finished"));
        tenantOs.loseNextAnswer("startReinstallation", unavailable());

        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Retry.class);
        StepOutcome retried = world.provision(service, "start-install");

        assertThat(retried).isInstanceOf(StepOutcome.Next.class);
        assertThat(world.serverOf(service).starts).hasSize(1);
    }

    @Test
    void anOsTemplateWithoutATenantOsProfileFailsWithoutInstalling() {
        Service rocky = new Service("svc_rocky", "ord_rocky", "ada", "ada@example.test", service.sold(),
                "rocky.example.com", "rocky-9", "Rocky Linux 9", service.status(), null, 1, service.createdAt(),
                service.updatedAt());
        world.services.put(rocky.serviceId(), rocky);
        for (String step : List.of("create-user", "claim-server", "assign-server", "set-ips")) {
            world.provision(rocky, step);
        }

        StepOutcome outcome = world.provision(rocky, "start-install");

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("OS template rocky-9 is not a template of connection "
                + TenantOsWorld.CONNECTION + " (has its template sync run?)"));
        assertThat(world.serverOf(rocky).starts).isEmpty();
    }

    @Test
    void anOsTemplateGoneUpstreamSinceTheOrderFailsWithoutInstalling() {
        provisionUpTo("start-install");
        ConnectionTemplate debian = world.templates.find(TenantOsWorld.CONNECTION, "debian-12").orElseThrow();
        world.templates.updateUpstream(debian, debian.gone(world.clock.instant()));

        StepOutcome outcome = world.provision(service, "start-install");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).contains("debian-12").contains("is gone from TenantOS");
        assertThat(world.serverOf(service).starts).isEmpty();
    }

    @Test
    void anOsTemplateStaffDisabledSinceTheOrderIsStillInstalled() {
        provisionUpTo("start-install");
        ConnectionTemplate debian = world.templates.find(TenantOsWorld.CONNECTION, "debian-12").orElseThrow();
        world.templates.updateByStaff(debian.editedByStaff(null, 0, List.of(), true));

        world.provision(service, "start-install");

        assertThat(world.serverOf(service).starts).singleElement()
                .satisfies(start -> assertThat(start.profileId()).isEqualTo(TenantOsWorld.DEBIAN));
    }

    @Test
    void anOsProfileTenantOsNoLongerOffersFailsWithoutInstalling() {
        provisionUpTo("start-install");
        tenantOs.profiles.removeIf(p -> p.id() == TenantOsWorld.DEBIAN);

        StepOutcome outcome = world.provision(service, "start-install");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).contains("TenantOS profile " + TenantOsWorld.DEBIAN + ") is no longer offered");
        assertThat(world.serverOf(service).starts).isEmpty();
        assertThat(world.mails.queued).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedAndChangesNothing() {
        world.provision(service, "create-user");
        tenantOs.failNext("serversByTags", unavailable());

        StepOutcome outcome = world.provision(service, "claim-server");

        assertThat(outcome).isInstanceOf(StepOutcome.Retry.class);
        assertThat(outcome.detail()).startsWith("TenantOS unavailable");
        assertThat(world.state(service).serverId()).isNull();
        assertThat(world.provision(service, "claim-server")).isInstanceOf(StepOutcome.Next.class);
    }

    @Test
    void aPermanentFailureFailsTheStepNamingIt() {
        tenantOs.failNext("createUser", refused(422));

        StepOutcome outcome = world.provision(service, "create-user");

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).startsWith("TenantOS refused create-user");
        assertThat(world.state(service).userId()).isNull();
    }

    @Test
    void aServiceWhoseConnectionIsGoneFailsNamingIt() {
        Service elsewhere = world.order("svc_gone", "ada", Samples.dedicated("elsewhere", TenantOsBackend.NAME,
                "tos-gone", TenantOsWorld.moduleSettings(TenantOsWorld.WIPING)), Map.of());

        StepOutcome outcome = world.provision(elsewhere, "create-user");

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("connection tos-gone is not configured"));
        assertThat(tenantOs.calls).isEmpty();
    }

    private void provisionUpTo(String last) {
        for (String step : TenantOsProvisioning.STEPS.subList(0, TenantOsProvisioning.STEPS.indexOf(last))) {
            assertThat(world.provision(service, step)).as(step).isInstanceOf(StepOutcome.Next.class);
        }
        world.forgetHistory();
    }
}
