package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspend through {@link TenantOsLifecycle#run}: switch ports down, power off, the user suspended, the customer told. */
class TenantOsSuspendTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.active("svc_ada");
    final InMemoryServer server = world.serverOf(service);
    final long user = world.userOf(service);
    final Operation suspend = world.operation(service, OperationKind.SUSPEND, "invoice 42 unpaid", Map.of());

    @Test
    void aServerReassignedByHandNeedsStaffAndIsNotTouched() {
        server.owner = tenantOs.addUser("bob@example.test").id();

        StepOutcome outcome = world.operate(suspend, "check-owner", service);

        assertThat(outcome).isInstanceOf(StepOutcome.Attention.class);
        assertThat(outcome.detail()).contains("reassigned by hand");
        assertThat(tenantOs.calls).containsExactly("server(" + server.id + ")");
        assertThat(world.mails.queued).isEmpty();
    }

    @Test
    void aSuspensionTakesThePortsDownPowersOffSuspendsTheUserAndTellsTheCustomerWhy() {
        assertThat(world.steps(OperationKind.SUSPEND))
                .containsExactly("check-owner", "disable-ports", "power-off", "suspend-user");

        StepOutcome outcome = world.operateAll(suspend, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("TenantOS user " + user + " suspended on server "
                + server.id));
        assertThat(server.ports).allSatisfy(p -> assertThat(p.enabled()).isFalse());
        assertThat(server.power).isEqualTo("off");
        assertThat(server.suspendedUsers).containsExactly(user);
        MailRequest mail = world.mails.queued.getFirst();
        assertThat(world.mails.queued).hasSize(1);
        assertThat(mail.template()).isEqualTo(MailTemplate.SUSPENDED);
        assertThat(mail.event()).isEqualTo("suspended#" + suspend.operationId());
        assertThat(mail.to()).containsExactly("ada@example.test");
        assertThat(mail.variables()).containsEntry(MailVariables.REASON, "invoice 42 unpaid");
    }

    @Test
    void onlyPortsOnManageableSwitchesThatAreUpGoDownAndAreRemembered() {
        server.ports.add(new SwitchPort(2012, "eth1", "sw-old", false, true));
        server.ports.add(new SwitchPort(2013, "ipmi", "sw-a", true, false));
        long eth0 = server.ports.getFirst().id();

        StepOutcome outcome = world.operate(suspend, "disable-ports", service);

        assertThat(tenantOs.calls("setPortEnabled")).containsExactly("setPortEnabled(" + server.id + ", " + eth0
                + ", false)");
        assertThat(server.port(2012).enabled()).isTrue();
        assertThat(world.lifecycleState(service).disabledPorts()).containsExactly(eth0);
        assertThat(outcome.detail()).isEqualTo("1 switch port(s) down; left up (switch not manageable): eth1 on sw-old");
    }

    @Test
    void aProductThatKeepsPortsUpOnSuspensionLeavesThemAlone() {
        Service keeping = keepingPortsAndPower();

        world.operate(world.operation(keeping, OperationKind.SUSPEND), "disable-ports", keeping);

        assertThat(tenantOs.count("networkPorts")).isZero();
        assertThat(world.serverOf(keeping).ports).allSatisfy(p -> assertThat(p.enabled()).isTrue());
    }

    @Test
    void aServerAlreadyOffIsNotMarkedAsPoweredOffBySuspension() {
        server.power = "off";

        world.operate(suspend, "power-off", service);

        assertThat(tenantOs.count("power")).isZero();
        assertThat(world.lifecycleState(service).poweredOffBySuspension()).isFalse();
    }

    @Test
    void aPowerProviderThatCannotPowerOffLeavesTheServerOn() {
        server.powerFeatures = List.of("setPowerOn", "setPowerReset");

        StepOutcome outcome = world.operate(suspend, "power-off", service);

        assertThat(outcome).isEqualTo(new StepOutcome.Next("suspend-user",
                "the power provider cannot power the server off; left on"));
        assertThat(server.power).isEqualTo("on");
        assertThat(world.lifecycleState(service).poweredOffBySuspension()).isFalse();
    }

    @Test
    void aProductThatKeepsPowerOnSuspensionLeavesItOn() {
        Service keeping = keepingPortsAndPower();

        world.operate(world.operation(keeping, OperationKind.SUSPEND), "power-off", keeping);

        assertThat(world.serverOf(keeping).power).isEqualTo("on");
        assertThat(tenantOs.count("power")).isZero();
    }

    @Test
    void everyStepRunTwiceChangesNothingMore() {
        server.suspendedUsers = List.of(7L);
        for (String step : List.of("disable-ports", "power-off", "suspend-user")) {
            world.operate(suspend, step, service);
            world.operate(suspend, step, service);
        }

        assertThat(tenantOs.count("setPortEnabled")).isEqualTo(1);
        assertThat(world.lifecycleState(service).disabledPorts()).containsExactly(server.ports.getFirst().id());
        assertThat(server.power).isEqualTo("off");
        assertThat(world.lifecycleState(service).poweredOffBySuspension()).isTrue();
        assertThat(tenantOs.count("setSuspendedUsers")).isEqualTo(1);
        assertThat(server.suspendedUsers).containsExactly(7L, user);
        // the mailer sends one mail per event
        assertThat(world.mails.queued).extracting(MailRequest::event).containsOnly("suspended#" + suspend.operationId());
    }

    @Test
    void aSuspensionRetriedAfterAPartialRunStillRemembersEveryPortItTookDown() {
        server.ports.add(new SwitchPort(2012, "eth1", "sw-a", true, true));
        tenantOs.loseNextAnswer("setPortEnabled", unavailable());

        assertThat(world.operate(suspend, "disable-ports", service)).isInstanceOf(StepOutcome.Retry.class);
        assertThat(world.operate(suspend, "disable-ports", service)).isInstanceOf(StepOutcome.Next.class);

        assertThat(server.ports).allSatisfy(p -> assertThat(p.enabled()).isFalse());
        assertThat(world.lifecycleState(service).disabledPorts())
                .containsExactlyInAnyOrder(server.ports.getFirst().id(), 2012L);
    }

    private Service keepingPortsAndPower() {
        return world.active(world.order("svc_keep", "ada", TenantOsWorld.product(Map.of(
                "disablePortsOnSuspend", false, "shutdownOnSuspend", false)), Map.of()));
    }
}
