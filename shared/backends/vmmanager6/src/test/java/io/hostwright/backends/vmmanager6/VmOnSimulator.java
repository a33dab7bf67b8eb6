package io.hostwright.backends.vmmanager6;

import io.hostwright.backends.vmmanager6.http.HttpVmManagerApis;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.AnnouncingProvisioning;
import io.hostwright.domain.fixtures.InMemoryCatalog;
import io.hostwright.domain.fixtures.InMemoryConnectionTemplates;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.domain.mail.MailRequest;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module as production builds it ({@link VmManagerBackend#factory} on the HTTP adapter) against the VMmanager 6
 * simulator, both on one clock the test moves: a step that waits is run again after its delay, as the queue would.
 */
abstract class VmOnSimulator {

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

    VmOnSimulator() {
        InMemoryConnections connections = new InMemoryConnections();
        connections.saveConnection(connection);
        BackendContext context = new BackendContext(new InMemoryCatalog(), connections, templates,
                new InMemoryServices(new LinkedHashMap<>()), null, states, secrets, mail,
                ref -> ref.equals(connection.secretRef()) ? vm.credential() : "nobody@example.test:wrong",
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)), clock);
        // waits between repeats of a read (a sleeping instance, a 5xx) pass on the shared clock, not in real time
        backend = VmManagerBackend.factory(c -> new HttpVmManagerApis(c.keys(), clock::advance)).create(context);
        provisioning = new AnnouncingProvisioning(backend.provisioning().orElseThrow(), mail);
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

}
