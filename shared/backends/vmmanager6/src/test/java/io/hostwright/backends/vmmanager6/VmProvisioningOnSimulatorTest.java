package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.simulator.vmmanager6.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** VPS provisioning against the VMmanager 6 simulator: see {@link VmOnSimulator}. */
class VmProvisioningOnSimulatorTest extends VmOnSimulator {

    @Test
    void anOrderBecomesOneRunningVpsWithItsAddressesAndTheRootPasswordSetOnIt() {
        Service service = service("svc_a", SETTINGS);

        StepOutcome outcome = provision(service);

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).singleElement().satisfies(host -> {
            assertThat(host.state()).isEqualTo("active");
            assertThat(host.cpuNumber()).isEqualTo(2);
            assertThat(host.ramMib()).isEqualTo(4096);
            assertThat(host.ipv4()).hasSize(2);
            assertThat(vm.passwordOf(host.id())).isEqualTo(secrets.get("svc_a", VmProvisioning.ROOT_PASSWORD));
            assertThat(outcome.detail()).contains(host.ipv4().getFirst().ip());
        });
        assertThat(vm.accountByEmail("svc_a@example.test")).isPresent();
        assertThat(mail.of(MailTemplate.SERVER_PROVISIONING)).singleElement().satisfies(m ->
                assertThat(m.variables().get("mainIp")).as("the template needs it").isNotBlank());
        assertThat(mail.of(MailTemplate.SERVER_READY)).singleElement().satisfies(m -> {
            assertThat(m.variables().get("mainIp")).isEqualTo(hostsOf(service).getFirst().ipv4().getFirst().ip());
            assertThat(m.toString()).doesNotContain(secrets.get("svc_a", VmProvisioning.ROOT_PASSWORD).orElseThrow());
        });
    }

    @Test
    void everyStepDeliveredTwiceMakesOneVpsAndOneSetOfMails() {
        Service service = service("svc_twice", SETTINGS);
        String step = provisioning.steps().getFirst();
        for (int runs = 0; runs < 100; runs++) {
            StepOutcome first = provisioning.run(step, service, 1);
            StepOutcome again = provisioning.run(step, service, 1);
            if (first instanceof StepOutcome.Next next) {
                step = next.next();
            } else if (first instanceof StepOutcome.Wait wait) {
                clock.advance(wait.delay());
            } else {
                assertThat(again).isInstanceOf(StepOutcome.Done.class);
                break;
            }
        }
        assertThat(hostsOf(service)).hasSize(1);
        assertThat(vm.accounts()).filteredOn(a -> a.email().equals("svc_twice@example.test")).hasSize(1);
        assertThat(mailEvents(service)).hasSize(2);
    }

    @Test
    void aCrashAfterTheCreateAndBeforeItWasRecordedStillMakesOneVps() {
        Service service = service("svc_crash", SETTINGS);
        states.crashOnceOnSave(state -> state.containsKey("hostId"));

        assertThat(provisioning.run("ensure-account", service, 1)).isInstanceOf(StepOutcome.Next.class);
        assertThatThrownBy(() -> provisioning.run("create-host", service, 1))
                .isInstanceOf(InMemoryModuleState.Crash.class);
        assertThat(hostsOf(service)).as("created before the crash").hasSize(1);

        StepOutcome redelivered = provision(service, "create-host");

        assertThat(redelivered).as(redelivered.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).hasSize(1);
        assertThat(vm.callCount("POST /vm/v3/host")).isEqualTo(1);
    }

    @Test
    void aTaskThatFailsFailsTheOrderWithVmmanagersMessage() {
        Service service = service("svc_fail", SETTINGS);
        vm.failNextTasks("host_create", 1, "Not enough free space on the storage");

        StepOutcome outcome = provision(service);

        assertThat(outcome).isInstanceOf(StepOutcome.Fail.class);
        assertThat(outcome.detail()).contains("Not enough free space on the storage");
    }

    @Test
    void anInstanceAsleepForTwentySecondsIsWaitedForAndTheOrderGoesOn() {
        Service service = service("svc_sleep", SETTINGS);
        vm.sleepFor(Duration.ofSeconds(20));

        StepOutcome outcome = provision(service);

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).hasSize(1);
    }

    @Test
    void aCreateAnsweredAsleepIsMadeOnceAndTheStepsRetryMakesOneVps() {
        Service service = service("svc_create503", SETTINGS);
        assertThat(provisioning.run("ensure-account", service, 1)).isInstanceOf(StepOutcome.Next.class);
        vm.faults().next(1, Faults.CREATE_HOST, 503);

        StepOutcome first = provisioning.run("create-host", service, 1);

        assertThat(first).as(first.detail()).isInstanceOf(StepOutcome.Retry.class);
        assertThat(first.detail()).contains("HTTP 503");
        assertThat(vm.receivedCount(Faults.CREATE_HOST)).as("not repeated by the client").isEqualTo(1);
        assertThat(hostsOf(service)).isEmpty();

        StepOutcome outcome = provision(service, "create-host");

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).hasSize(1);
        assertThat(vm.receivedCount(Faults.CREATE_HOST)).isEqualTo(2);
    }

    @Test
    void aSessionThatExpiresMidwayIsAskedForOnceMore() {
        Service service = service("svc_token", SETTINGS);
        assertThat(provisioning.run("ensure-account", service, 1)).isInstanceOf(StepOutcome.Next.class);
        long issued = vm.tokenIssues();
        vm.expireTokens();

        StepOutcome outcome = provision(service, "create-host");

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(vm.tokenIssues()).isEqualTo(issued + 1);
    }

    @Test
    void wrongCredentialsFailAtOnceWithoutALoop() {
        Connection wrong = new Connection(CONNECTION, VmManagerBackend.NAME, "x", vm.baseUrl(), "secret:other",
                "noc@example.test", Map.of());
        var report = backend.connectionCheck().orElseThrow().check(wrong);

        assertThat(report.authenticated()).isFalse();
        assertThat(report.detail()).contains("refused the credentials").doesNotContain("wrong");
        assertThat(vm.callCount("POST /auth/v4/public/token")).isLessThanOrEqualTo(2);
    }

    @Test
    void anExhaustedPoolIsAVisibleWaitStaffAreToldOnceAndTheOrderGoesOnWhenAddressesAreBack() {
        Service service = service("svc_pool", Map.of("clusterId", 1, "cpuNumber", 1, "ramMib", 1024,
                "diskMib", 20480, "ipv4Pools", List.of(2), "poolRetry", "PT1M"));
        vm.exhaustPool(2);

        assertThat(provisioning.run("ensure-account", service, 1)).isInstanceOf(StepOutcome.Next.class);
        StepOutcome waiting = provisioning.run("create-host", service, 1);
        StepOutcome stillWaiting = provisioning.run("create-host", service, 1);

        assertThat(waiting).isInstanceOf(StepOutcome.Wait.class);
        assertThat(waiting.detail()).contains("no free IPv4 address");
        assertThat(stillWaiting).isInstanceOf(StepOutcome.Wait.class);
        assertThat(mail.of(MailTemplate.STAFF_WAITING_FOR_STOCK)).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("noc@example.test"));
        assertThat(hostsOf(service)).isEmpty();

        vm.releasePool(2);
        StepOutcome outcome = provision(service, "create-host");

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).singleElement().satisfies(h -> assertThat(h.ipv4()).hasSize(2));
    }

    @Test
    void trafficForBandwidthPollingIsTheHostsMetricsPerFiveMinutes() {
        Service service = service("svc_traffic", SETTINGS);
        assertThat(provision(service)).isInstanceOf(StepOutcome.Done.class);
        long hostId = hostsOf(service).getFirst().id();
        Instant from = Instant.ofEpochSecond((clock.instant().getEpochSecond() / 300 + 1) * 300);
        clock.set(from);
        vm.setTrafficRate(hostId, 1_000_000, 4_000_000);
        clock.set(from.plus(Duration.ofMinutes(15)));

        var samples = backend.usage().orElseThrow().traffic(service, from, from.plus(Duration.ofMinutes(15)));

        assertThat(samples).hasSize(3).allSatisfy(sample -> {
            assertThat(sample.bytesIn()).isEqualTo(300_000_000L);
            assertThat(sample.bytesOut()).isEqualTo(1_200_000_000L);
        });
        assertThat(samples.getFirst().start()).isEqualTo(from);
    }

    @Test
    void theTemplatesAreTheOsListNamedByRepository() {
        assertThat(backend.templates().orElseThrow().templates(connection))
                .extracting(UpstreamTemplate::name, UpstreamTemplate::upstreamId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ISPsystem__Debian 12", "1"),
                        org.assertj.core.groups.Tuple.tuple("ISPsystem__Ubuntu 24.04", "2"),
                        org.assertj.core.groups.Tuple.tuple("ISPsystem__AlmaLinux 9", "3"),
                        org.assertj.core.groups.Tuple.tuple("local__Debian 12 LAMP", "4"));
    }
}
