package io.hostwright.backends.vmmanager6;

import io.hostwright.backends.vmmanager6.http.HttpVmManagerApis;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.InMemoryCatalog;
import io.hostwright.domain.fixtures.InMemoryConnectionTemplates;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.provisioning.ProvisioningModule;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.simulator.vmmanager6.SimulatedHost;
import io.hostwright.simulator.vmmanager6.SimulatorConfig;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * VPS provisioning as production builds it ({@link VmManagerBackend#factory} on the HTTP adapter) against the
 * VMmanager 6 simulator, both on one clock the test moves: a step that waits is run again after its delay, as the
 * queue would.
 */
class VmProvisioningOnSimulatorTest {

    static final String CONNECTION = "vm6-sim";
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final VmManager6Simulator vm = VmManager6Simulator.start(SimulatorConfig.forTests().withClock(clock));
    final Connection connection = new Connection(CONNECTION, VmManagerBackend.NAME, "Simulated VMmanager",
            vm.baseUrl(), "secret:vm6", "noc@example.test", Map.of());
    final InMemoryModuleState states = new InMemoryModuleState();
    final InMemorySecrets secrets = new InMemorySecrets();
    final RecordingMailQueue mail = new RecordingMailQueue();
    final InMemoryConnectionTemplates templates = new InMemoryConnectionTemplates();
    final Backend backend;
    final ProvisioningModule provisioning;

    VmProvisioningOnSimulatorTest() {
        InMemoryConnections connections = new InMemoryConnections();
        connections.saveConnection(connection);
        BackendContext context = new BackendContext(new InMemoryCatalog(), connections, templates,
                new InMemoryServices(new LinkedHashMap<>()), null, states, secrets, mail,
                ref -> ref.equals(connection.secretRef()) ? vm.credential() : "nobody@example.test:wrong",
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)), clock);
        // pauses of a sleeping instance pass on the shared clock, not in real time
        backend = VmManagerBackend.factory(c -> new HttpVmManagerApis(c.keys(), clock::advance)).create(context);
        provisioning = backend.provisioning().orElseThrow();
        for (UpstreamTemplate t : backend.templates().orElseThrow().templates(connection)) {
            templates.add(new ConnectionTemplate(CONNECTION, t.name().toLowerCase().replace(' ', '-'), t.name(),
                    t.upstreamId(), t.displayName(), null, 0, List.of(), false, T0, null));
        }
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    static Service service(String id, Map<String, Object> settings) {
        SoldProduct sold = new SoldProduct("vps-m", "VPS M", ServiceType.VPS, VmManagerBackend.NAME, CONNECTION,
                "noc@example.test", BillingCycle.MONTHLY, Map.of("ipv4", "2"), settings, BandwidthPolicy.DEFAULT);
        return new Service(id, "ord_" + id, "cust-" + id, id + "@example.test", sold, id.replace('_', '-')
                + ".example.com", "ispsystem__debian-12", "Debian 12", ServiceStatus.PROVISIONING, null, 1, T0, T0);
    }

    static final Map<String, Object> SETTINGS = Map.of("clusterId", 1, "cpuNumber", 2, "ramMib", 4096,
            "diskMib", 51200, "pollInterval", "PT1S");

    /** Runs the steps from {@code from} as the queue would, moving the clock over every wait; the last outcome. */
    StepOutcome provision(Service service, String from) {
        String step = from;
        List<String> seen = new ArrayList<>();
        for (int runs = 0; runs < 200; runs++) {
            StepOutcome outcome = provisioning.run(step, service, 1);
            seen.add(step + ": " + outcome.detail());
            switch (outcome) {
                case StepOutcome.Next next -> step = next.next();
                case StepOutcome.Wait wait -> clock.advance(wait.delay());
                case StepOutcome.Retry retry -> clock.advance(retry.delay());
                default -> {
                    return outcome;
                }
            }
        }
        throw new AssertionError("provisioning did not end: " + seen);
    }

    StepOutcome provision(Service service) {
        return provision(service, provisioning.steps().getFirst());
    }

    List<SimulatedHost> hostsOf(Service service) {
        return vm.hosts().stream().filter(h -> service.serviceId().equals(h.comment())).toList();
    }

    List<String> mailEvents(Service service) {
        return mail.queued.stream().filter(m -> m.serviceId().equals(service.serviceId())).map(MailRequest::event)
                .distinct().toList();
    }

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
}
