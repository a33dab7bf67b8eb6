package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.hostwright.backends.tenantos.InMemoryServer.failed;
import static io.hostwright.backends.tenantos.InMemoryServer.finished;
import static io.hostwright.backends.tenantos.InMemoryServer.running;
import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * await-install: the service is ready once the installation it started has finished — never on a status left from
 * the job before (TenantOS reports per server, not per job), unless that job was never seen running for two minutes.
 */
class TenantOsProvisioningInstallTest {

    final TenantOsWorld world = new TenantOsWorld();
    final Service service = world.order("svc_ada");

    @Test
    void anInstallationSeenRunningThenFinishedMakesTheServiceReadyAndTellsTheCustomerOnce() {
        started();

        StepOutcome outcome = world.provision(service, "await-install");

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Done.class, done -> {
            assertThat(done.detail()).isEqualTo("server " + world.serverOf(service).id + " ready with Debian 12");
            assertThat(done.mainIp()).as("what a licence is attached to").isNotBlank()
                    .isEqualTo(world.state(service).mainIp());
            // one mail with the access details, as VMmanager sends: the root password goes out once
            assertThat(done.announce()).extracting(MailRequest::template).containsExactly(MailTemplate.SERVER_READY);
            assertThat(done.announce().getFirst().secretVariables())
                    .containsEntry(MailVariables.ROOT_PASSWORD, TenantOsProvisioning.ROOT_PASSWORD);
        });
        assertThat(world.mails.queued).extracting(MailRequest::template, MailRequest::event, MailRequest::to)
                .containsExactly(tuple(MailTemplate.SERVER_READY, "server-ready", List.of("ada@example.test")));
        assertThat(world.secrets.get("svc_ada", TenantOsProvisioning.ROOT_PASSWORD))
                .contains(world.serverOf(service).starts.getFirst().rootPassword());
    }

    @Test
    void aStaleFinishedRightAfterTheStartIsNotTakenForTheNewInstallation() {
        started(finished("disk wipe finished"), finished("disk wipe finished"), running(30),
                finished("installation finished"));

        StepOutcome stale = world.provision(service, "await-install");
        StepOutcome installing = world.provision(service, "await-install");
        StepOutcome done = world.provision(service, "await-install");

        assertThat(stale).isInstanceOf(StepOutcome.Wait.class);
        assertThat(installing).isEqualTo(new StepOutcome.Wait(Duration.ofSeconds(30), "installing Debian 12: 30%"));
        assertThat(world.state(service).installSeenRunning()).isTrue();
        assertThat(done).isInstanceOf(StepOutcome.Done.class);
        assertThat(world.mails.of(MailTemplate.SERVER_READY)).hasSize(1);
    }

    @Test
    void aStaleFailureRightAfterTheStartDoesNotFailTheNewInstallation() {
        started(failed("previous job failed"), failed("previous job failed"), running(10),
                finished("installation finished"));

        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Wait.class);
        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Wait.class);
        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Done.class);
    }

    @Test
    void aFinishedNeverSeenRunningCountsOnceTheTwoMinuteGraceHasPassed() {
        started(finished("installation finished"));

        StepOutcome early = world.provision(service, "await-install");
        world.clock.advance(Duration.ofSeconds(119));
        StepOutcome justBefore = world.provision(service, "await-install");
        world.clock.advance(Duration.ofSeconds(1));
        StepOutcome after = world.provision(service, "await-install");

        assertThat(early).isInstanceOf(StepOutcome.Wait.class);
        assertThat(justBefore).isInstanceOf(StepOutcome.Wait.class);
        assertThat(after).isInstanceOf(StepOutcome.Done.class);
        assertThat(world.mails.of(MailTemplate.SERVER_READY)).hasSize(1);
    }

    @Test
    void anInstallationThatFailedAfterRunningFailsTheService() {
        started(running(20), running(60), failed("disk /dev/sda not found"));
        world.provision(service, "await-install");

        StepOutcome outcome = world.provision(service, "await-install");

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("OS installation failed on server "
                + world.serverOf(service).id + ": disk /dev/sda not found"));
        assertThat(world.mails.queued).isEmpty();
    }

    @Test
    void anInstallationStillRunningAtTheDeadlineFailsTheService() {
        started(running(10));
        world.clock.advance(Duration.ofMinutes(44));
        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Wait.class);
        world.clock.advance(Duration.ofMinutes(2));

        StepOutcome outcome = world.provision(service, "await-install");

        assertThat(outcome).isEqualTo(new StepOutcome.Fail("OS installation on server " + world.serverOf(service).id
                + " did not finish within 45 minutes"));
    }

    @Test
    void awaitInstallRunTwiceAfterTheEndQueuesTheSameMailsAgainUnderTheSameEvents() {
        started();

        world.provision(service, "await-install");
        world.provision(service, "await-install");

        // the mailer sends one mail per (service, event): the same events mean nothing more reaches the customer
        assertThat(world.mails.queued).extracting(MailRequest::event).containsOnly("server-ready");
        assertThat(world.serverOf(service).starts).hasSize(1);
    }

    @Test
    void aTransientFailureWhileWaitingIsRetried() {
        started();
        world.tenantOs.failNext("installStatus", unavailable());

        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Retry.class);
        assertThat(world.provision(service, "await-install")).isInstanceOf(StepOutcome.Done.class);
    }

    /** Runs up to start-install, the installation reporting {@code reads} after its start (default: running, finished). */
    private void started(InstallStatus... reads) {
        for (String step : List.of("create-user", "claim-server", "assign-server", "set-ips")) {
            world.provision(service, step);
        }
        if (reads.length > 0) {
            world.serverOf(service).afterNextStart(reads);
        }
        assertThat(world.provision(service, "start-install")).isInstanceOf(StepOutcome.Next.class);
        world.forgetHistory();
    }
}
