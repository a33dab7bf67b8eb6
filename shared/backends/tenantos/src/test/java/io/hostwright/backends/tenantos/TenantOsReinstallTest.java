package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryServer.finished;
import static io.hostwright.backends.tenantos.InMemoryServer.running;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reinstall through {@link TenantOsLifecycle#run}: the chosen OS with a new root password, which becomes the
 * service's once the reinstallation this operation started has finished.
 */
class TenantOsReinstallTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final Service service = world.active("svc_ada");
    final InMemoryServer server = world.serverOf(service);
    final String firstPassword = password(TenantOsProvisioning.ROOT_PASSWORD);
    final Operation reinstall = reinstall("ubuntu-24.04", "Ubuntu 24.04");

    @Test
    void aServerReassignedByHandNeedsStaffAndIsNotTouched() {
        server.owner = tenantOs.addUser("bob@example.test").id();

        assertThat(world.operate(reinstall, "check-owner", service)).isInstanceOf(StepOutcome.Attention.class);

        assertThat(tenantOs.calls).containsExactly("server(" + server.id + ")");
    }

    @Test
    void aReinstallationInstallsTheChosenOsWithANewPasswordThatBecomesTheServicesOnceFinished() {
        assertThat(world.steps(OperationKind.REINSTALL)).containsExactly("check-owner", "start-reinstall",
                "await-reinstall");

        StepOutcome outcome = world.operateAll(reinstall, service);

        assertThat(outcome).isEqualTo(new StepOutcome.Done("server " + server.id + " reinstalled with Ubuntu 24.04"));
        InMemoryServer.Start start = server.starts.getLast();
        assertThat(start.profileId()).isEqualTo(TenantOsWorld.UBUNTU);
        assertThat(start.hostname()).isEqualTo("svc-ada.example.com");
        assertThat(start.rootPassword()).isNotEqualTo(firstPassword);
        assertThat(password(TenantOsProvisioning.ROOT_PASSWORD)).isEqualTo(start.rootPassword());
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(
                        tuple(MailTemplate.REINSTALL_STARTED, "reinstall-started#" + reinstall.operationId(),
                                List.of("ada@example.test")),
                        tuple(MailTemplate.REINSTALL_FINISHED, "reinstall-finished#" + reinstall.operationId(),
                                List.of("ada@example.test")));
    }

    @Test
    void anOsTheSyncFoundSinceTheOrderIsInstalledWithItsProfile() {
        world.templates.with(TenantOsWorld.CONNECTION, "rocky-9", Long.toString(TenantOsWorld.ROCKY), "Rocky Linux 9");

        world.operateAll(reinstall("rocky-9", "Rocky Linux 9"), service);

        assertThat(server.starts.getLast().profileId()).isEqualTo(TenantOsWorld.ROCKY);
    }

    @Test
    void anOsTheConnectionDoesNotHaveFails() {
        StepOutcome outcome = world.operate(reinstall("rocky-9", "Rocky Linux 9"), "start-reinstall", service);

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("OS template rocky-9 is not a template of connection "
                + TenantOsWorld.CONNECTION + " (has its template sync run?)"));
        assertThat(tenantOs.count("startReinstallation")).isZero();
        assertThat(world.mails.queued).isEmpty();
    }

    @Test
    void aProfileTenantOsNoLongerOffersFails() {
        tenantOs.profiles.removeIf(p -> p.id() == TenantOsWorld.UBUNTU);

        StepOutcome outcome = world.operate(reinstall, "start-reinstall", service);

        assertThat(outcome.detail()).contains("is no longer offered by TenantOS for server " + server.id);
        assertThat(tenantOs.count("startReinstallation")).isZero();
    }

    @Test
    void startReinstallRunTwiceStartsOnceWithOnePassword() {
        world.operate(reinstall, "start-reinstall", service);
        world.operate(reinstall, "start-reinstall", service);

        assertThat(tenantOs.calls("startReinstallation")).hasSize(1);
        assertThat(server.starts.getLast().rootPassword()).isEqualTo(reinstallPassword(reinstall));
        assertThat(world.mails.queued).hasSize(1);
    }

    @Test
    void aStartWhoseAnswerWasLostIsNotRepeated() {
        tenantOs.loseNextAnswer("startReinstallation", unavailable());

        assertThat(world.operate(reinstall, "start-reinstall", service)).isInstanceOf(StepOutcome.Retry.class);
        assertThat(world.operate(reinstall, "start-reinstall", service)).isInstanceOf(StepOutcome.Next.class);

        assertThat(tenantOs.calls("startReinstallation")).hasSize(1);
    }

    @Test
    void aLostStartIsNotRepeatedWhileTheStatusStillReportsTheJobBefore() {
        server.afterNextStart(finished("installation finished"), running(5), finished("installation finished"));
        tenantOs.loseNextAnswer("startReinstallation", unavailable());

        assertThat(world.operate(reinstall, "start-reinstall", service)).isInstanceOf(StepOutcome.Retry.class);
        StepOutcome retried = world.operate(reinstall, "start-reinstall", service);

        assertThat(retried).isInstanceOf(StepOutcome.Next.class);
        assertThat(tenantOs.calls("startReinstallation")).hasSize(1);
    }

    @Test
    void aStaleFinishedRightAfterTheStartIsNotTakenForTheReinstallation() {
        server.afterNextStart(finished("installation finished"), finished("installation finished"), running(25),
                finished("installation finished"));
        world.operate(reinstall, "start-reinstall", service);

        StepOutcome stale = world.operate(reinstall, "await-reinstall", service);
        StepOutcome installing = world.operate(reinstall, "await-reinstall", service);
        StepOutcome done = world.operate(reinstall, "await-reinstall", service);

        assertThat(stale).isInstanceOf(StepOutcome.Wait.class);
        assertThat(installing).isInstanceOf(StepOutcome.Wait.class);
        assertThat(done).isInstanceOf(StepOutcome.Done.class);
        assertThat(password(TenantOsProvisioning.ROOT_PASSWORD)).isEqualTo(server.starts.getLast().rootPassword());
        assertThat(world.secrets.get(service.serviceId(), TenantOsReinstall.ROOT_PASSWORD_OF_REINSTALL
                + reinstall.operationId())).as("the reinstall's own copy is gone once it is the service's").isEmpty();
    }

    @Test
    void whileTheReinstallationRunsTheServiceKeepsItsOldPassword() {
        server.afterNextStart(running(10), running(50));
        world.operate(reinstall, "start-reinstall", service);

        assertThat(world.operate(reinstall, "await-reinstall", service)).isInstanceOf(StepOutcome.Wait.class);

        assertThat(password(TenantOsProvisioning.ROOT_PASSWORD)).isEqualTo(firstPassword);
        assertThat(world.mails.of(MailTemplate.REINSTALL_FINISHED)).isEmpty();
    }

    @Test
    void aSecondReinstallationStartsAgainWithItsOwnPassword() {
        world.operateAll(reinstall, service);
        Operation again = reinstall("debian-12", "Debian 12");

        world.operateAll(again, service);

        assertThat(server.starts).extracting(InMemoryServer.Start::profileId)
                .containsExactly(TenantOsWorld.DEBIAN, TenantOsWorld.UBUNTU, TenantOsWorld.DEBIAN);
        assertThat(installedPassword(2)).isNotEqualTo(installedPassword(1));
        assertThat(password(TenantOsProvisioning.ROOT_PASSWORD)).isEqualTo(installedPassword(2));
    }

    private Operation reinstall(String osTemplateId, String osName) {
        return world.operation(service, OperationKind.REINSTALL, null, Map.of(
                RequestOperation.OS_TEMPLATE_ID, osTemplateId, RequestOperation.OS_NAME, osName));
    }

    private String password(String name) {
        return world.secrets.get(service.serviceId(), name).orElseThrow();
    }

    private String reinstallPassword(Operation operation) {
        return password(TenantOsReinstall.ROOT_PASSWORD_OF_REINSTALL + operation.operationId());
    }

    /** The root password TenantOS was given by the {@code n}-th start on this server (0: provisioning's). */
    private String installedPassword(int n) {
        return server.starts.get(n).rootPassword();
    }
}
