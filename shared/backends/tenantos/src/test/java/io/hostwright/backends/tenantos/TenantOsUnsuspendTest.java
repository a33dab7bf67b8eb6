package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Unsuspend through {@link TenantOsLifecycle#run}: exactly the reverse of what the suspension did. */
class TenantOsUnsuspendTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.active("svc_ada");
    final InMemoryServer server = world.serverOf(service);
    final long user = world.userOf(service);
    final long eth0 = server.ports.getFirst().id();
    final Operation unsuspend = world.operation(service, OperationKind.UNSUSPEND);

    @Test
    void aServerReassignedByHandNeedsStaffAndIsNotTouched() {
        suspended();
        server.owner = tenantOs.addUser("bob@example.test").id();

        StepOutcome outcome = world.operate(unsuspend, "check-owner", service);

        assertThat(outcome).isInstanceOf(StepOutcome.Attention.class);
        assertThat(tenantOs.calls).containsExactly("server(" + server.id + ")");
        assertThat(server.suspendedUsers).containsExactly(user);
        assertThat(server.power).isEqualTo("off");
    }

    @Test
    void anUnsuspensionLiftsTheUsersSuspensionPowersOnBringsThePortsBackAndTellsTheCustomer() {
        suspended();

        StepOutcome outcome = world.operateAll(unsuspend, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("1 switch port(s) up again; service unsuspended"));
        assertThat(server.suspendedUsers).isEmpty();
        assertThat(server.power).isEqualTo("on");
        assertThat(server.port(eth0).enabled()).isTrue();
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(tuple(MailTemplate.UNSUSPENDED, "unsuspended#" + unsuspend.operationId(),
                        List.of("ada@example.test")));
    }

    @Test
    void exactlyThePortsTheSuspensionTookDownComeBackUp() {
        server.ports.add(new SwitchPort(2012, "eth1", "sw-old", false, true));
        server.ports.add(new SwitchPort(2013, "ipmi", "sw-a", true, false));
        suspended();

        world.operate(unsuspend, "enable-ports", service);

        assertThat(tenantOs.calls("setPortEnabled")).containsExactly("setPortEnabled(" + server.id + ", " + eth0
                + ", true)");
        assertThat(server.port(eth0).enabled()).isTrue();
        assertThat(server.port(2013).enabled()).as("down before the suspension").isFalse();
        assertThat(world.lifecycleState(service).disabledPorts()).isEmpty();
    }

    @Test
    void aServerThatWasOffBeforeTheSuspensionStaysOff() {
        server.power = "off";
        suspended();

        world.operate(unsuspend, "power-on", service);

        assertThat(server.power).isEqualTo("off");
        assertThat(tenantOs.count("power")).isZero();
    }

    @Test
    void otherUsersSuspendedOnTheServerStaySuspended() {
        server.suspendedUsers = List.of(7L);
        suspended();

        world.operate(unsuspend, "unsuspend-user", service);

        assertThat(server.suspendedUsers).containsExactly(7L);
    }

    @Test
    void everyStepRunTwiceChangesNothingMore() {
        suspended();
        for (String step : List.of("unsuspend-user", "power-on", "enable-ports")) {
            world.operate(unsuspend, step, service);
            world.operate(unsuspend, step, service);
        }

        assertThat(tenantOs.count("setSuspendedUsers")).isEqualTo(1);
        assertThat(tenantOs.calls("power")).containsExactly("power(" + server.id + ", ON)");
        assertThat(tenantOs.count("setPortEnabled")).isEqualTo(1);
        assertThat(server.power).isEqualTo("on");
        assertThat(server.port(eth0).enabled()).isTrue();
        assertThat(world.mails.queued).extracting(MailRequest::event)
                .containsOnly("unsuspended#" + unsuspend.operationId());
    }

    private void suspended() {
        Operation suspend = world.operation(service, OperationKind.SUSPEND);
        assertThat(world.operateAll(suspend, service)).isInstanceOf(StepOutcome.Done.class);
        world.forgetHistory();
    }
}
