package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.simulator.vmmanager6.SimulatedHost;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suspend, unsuspend, reinstall and terminate of a VPS provisioned on the VMmanager 6 simulator, step by step. */
class VmLifecycleOnSimulatorTest extends VmOnSimulator {

    private final LifecycleModule lifecycle = backend.lifecycle().orElseThrow();

    private Service active(String id) {
        Service service = service(id, SETTINGS);
        assertThat(provision(service)).isInstanceOf(StepOutcome.Done.class);
        return service;
    }

    private static Operation operation(Service service, OperationKind kind, String reason, Map<String, String> p) {
        return new Operation(service.serviceId(), "op_" + kind.label() + "_" + System.nanoTime(), kind,
                OperationStatus.RUNNING, "staff:test", reason, p, null, true, 1, Instant.EPOCH, Instant.EPOCH);
    }

    /** Runs the operation's steps as the queue would, moving the clock over every wait; the last outcome. */
    private StepOutcome run(Operation operation, Service service) {
        String step = lifecycle.plan(operation.kind()).orElseThrow().steps().getFirst();
        List<String> seen = new ArrayList<>();
        for (int runs = 0; runs < 200; runs++) {
            StepOutcome outcome = lifecycle.run(operation, step, service, 1);
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
        throw new AssertionError(operation.kind().label() + " did not end: " + seen);
    }

    private SimulatedHost hostOf(Service service) {
        return hostsOf(service).getFirst();
    }

    @Test
    void suspendStopsTheVpsAndLocksTheAccountAndUnsuspendBringsBothBack() {
        Service service = active("svc_sus");

        StepOutcome suspended = run(operation(service, OperationKind.SUSPEND, "invoice 42 unpaid", Map.of()), service);

        assertThat(suspended).as(suspended.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostOf(service).poweredOn()).isFalse();
        assertThat(vm.accountByEmail("svc_sus@example.test").orElseThrow().suspended()).isTrue();
        assertThat(mail.of(MailTemplate.SUSPENDED)).singleElement()
                .satisfies(m -> assertThat(m.variables()).containsValue("invoice 42 unpaid"));

        StepOutcome unsuspended = run(operation(service, OperationKind.UNSUSPEND, null, Map.of()), service);

        assertThat(unsuspended).as(unsuspended.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostOf(service).poweredOn()).isTrue();
        assertThat(vm.accountByEmail("svc_sus@example.test").orElseThrow().suspended()).isFalse();
        assertThat(mail.of(MailTemplate.UNSUSPENDED)).hasSize(1);
    }

    @Test
    void reinstallInstallsTheChosenOsWithANewPasswordThatBecomesTheServices() {
        Service service = active("svc_re");
        String before = secrets.get("svc_re", VmProvisioning.ROOT_PASSWORD).orElseThrow();

        StepOutcome outcome = run(operation(service, OperationKind.REINSTALL, null, Map.of(
                RequestOperation.OS_TEMPLATE_ID, "ispsystem__ubuntu-24.04", RequestOperation.OS_NAME, "Ubuntu 24.04")),
                service);

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        SimulatedHost host = hostOf(service);
        assertThat(host.osId()).isEqualTo(2);
        String after = secrets.get("svc_re", VmProvisioning.ROOT_PASSWORD).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(vm.passwordOf(host.id())).contains(after);
        assertThat(mail.of(MailTemplate.REINSTALL_FINISHED)).singleElement()
                .satisfies(m -> assertThat(m.toString()).doesNotContain(after));
    }

    @Test
    void terminateDeletesTheVpsReleasesItsAddressesAndTheAccountThisOrderCreated() {
        Service service = active("svc_end");
        long free = vm.pool(1).free();

        StepOutcome outcome = run(operation(service, OperationKind.TERMINATE, null, Map.of()), service);

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        assertThat(hostsOf(service)).isEmpty();
        assertThat(vm.pool(1).free()).isEqualTo(free + 2);
        assertThat(vm.accountByEmail("svc_end@example.test")).isEmpty();
        assertThat(secrets.get("svc_end", VmProvisioning.ROOT_PASSWORD)).isEmpty();
        assertThat(mail.of(MailTemplate.TERMINATED)).hasSize(1);

        StepOutcome again = run(operation(service, OperationKind.TERMINATE, null, Map.of()), service);
        assertThat(again).as("a repeated terminate finds nothing left to do").isInstanceOf(StepOutcome.Done.class);
    }

    static final Map<String, Object> RESIZABLE = Map.of("clusterId", 1, "cpuNumber", 2, "ramMib", 4096,
            "diskMib", 51200, "pollInterval", "PT1S", "maxCpuNumber", 8, "maxRamMib", 16384, "maxDiskMib", 204800);

    @Test
    void resizeGrowsCpuRamAndDiskAndTheNextResizeStartsFromTheNewSize() {
        Service service = service("svc_big", RESIZABLE);
        assertThat(provision(service)).isInstanceOf(StepOutcome.Done.class);
        Map<String, String> asked = Map.of("cpuNumber", "4", "ramMib", "8192", "diskMib", "102400");

        Map<String, String> parameters = lifecycle.parameters(OperationKind.RESIZE, service, asked);
        StepOutcome outcome = run(operation(service, OperationKind.RESIZE, null, parameters), service);

        assertThat(outcome).as(outcome.detail()).isInstanceOf(StepOutcome.Done.class);
        SimulatedHost host = hostOf(service);
        assertThat(host.cpuNumber()).isEqualTo(4);
        assertThat(host.ramMib()).isEqualTo(8192);
        assertThat(host.disks().getFirst().sizeMib()).isEqualTo(102400);
        assertThat(mail.of(MailTemplate.RESIZED)).singleElement().satisfies(m ->
                assertThat(m.variables().get("size")).isEqualTo("4 vCPU, 8 GB RAM, 100 GB disk"));
        assertThatThrownBy(() -> lifecycle.parameters(OperationKind.RESIZE, service, Map.of("diskMib", "51200")))
                .isInstanceOf(Conflict.class).hasMessageContaining("102400 MiB");
    }

    @Test
    void aResizeThatShrinksStepsWrongOrPassesTheLimitsIsRefusedNamingTheField() {
        Service service = service("svc_no", RESIZABLE);

        assertThat(refusal(service, Map.of("diskMib", "20480"))).isEqualTo("diskMib");
        assertThat(refusal(service, Map.of("ramMib", "5000"))).isEqualTo("ramMib");
        assertThat(refusal(service, Map.of("ramMib", "2048"))).isEqualTo("ramMib");
        assertThat(refusal(service, Map.of("cpuNumber", "1"))).isEqualTo("cpuNumber");
        assertThat(refusal(service, Map.of("cpuNumber", "16"))).isEqualTo("cpuNumber");
        assertThat(refusal(service, Map.of("cpuNumber", "2"))).isEqualTo("body");
        assertThatThrownBy(() -> lifecycle.parameters(OperationKind.RESIZE, service, Map.of()))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> lifecycle.parameters(OperationKind.RESIZE, service(id("fixed"), SETTINGS),
                Map.of("cpuNumber", "4"))).isInstanceOf(Conflict.class).hasMessageContaining("cannot be resized");
    }

    private static String id(String s) {
        return "svc_" + s;
    }

    private String refusal(Service service, Map<String, String> asked) {
        try {
            lifecycle.parameters(OperationKind.RESIZE, service, asked);
            throw new AssertionError("accepted " + asked);
        } catch (Conflict refused) {
            return refused.field();
        }
    }

    @Test
    void aHostGivenToSomeoneElseByHandIsNotTouched() {
        Service service = active("svc_hand");
        Service other = active("svc_other");
        states.save("svc_hand", VmManagerBackend.NAME, Map.of("accountId",
                states.load("svc_hand", VmManagerBackend.NAME).get("accountId"),
                "hostId", Long.toString(hostOf(other).id())));

        StepOutcome outcome = run(operation(service, OperationKind.SUSPEND, null, Map.of()), service);

        assertThat(outcome).isInstanceOf(StepOutcome.Attention.class);
        assertThat(hostOf(other).poweredOn()).isTrue();
    }
}
