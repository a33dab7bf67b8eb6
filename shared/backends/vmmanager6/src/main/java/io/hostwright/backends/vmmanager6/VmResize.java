package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resize: more CPU, RAM (in 1024 MiB steps) or disk, up to the product's limits, as VMmanager resizes hot — only
 * upwards; a disk never shrinks. CPU and RAM change in one task, the disk in another; the service's size is noted
 * when both ended, and the customer told the new size.
 */
final class VmResize implements VmOperation {

    static final String CPU = "cpuNumber";
    static final String RAM = "ramMib";
    static final String DISK = "diskMib";
    private static final OperationPlan PLAN = OperationPlan.endingAtLastStep(
            List.of("check-host", "change-resources", "await-resources", "grow-disk", "await-disk"));

    private final VmLifecycleSupport support;

    VmResize(VmLifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    /** The size asked for, checked against the size now and the product's limits; see {@link VmResize}. */
    static Map<String, String> parameters(Service service, VmProductSettings settings, VmSize now,
                                          Map<String, String> asked) {
        VmSize max = settings.maxSize();
        if (max == null || now == null) {
            throw new Conflict("service", service.productName() + " cannot be resized");
        }
        int cpu = whole(asked, CPU, now.cpuNumber());
        long ram = whole(asked, RAM, now.ramMib());
        long disk = whole(asked, DISK, now.diskMib());
        if (!asked.containsKey(CPU) && !asked.containsKey(RAM) && !asked.containsKey(DISK)) {
            throw InvalidRequest.of("body", "give at least one of cpuNumber, ramMib, diskMib");
        }
        if (cpu < now.cpuNumber()) {
            throw new Conflict(CPU, "CPUs can only be added: the VPS has " + now.cpuNumber());
        }
        if (ram < now.ramMib()) {
            throw new Conflict(RAM, "RAM can only grow: the VPS has " + now.ramMib() + " MiB");
        }
        if ((ram - now.ramMib()) % 1024 != 0) {
            throw new Conflict(RAM, "RAM grows in steps of 1024 MiB from the " + now.ramMib() + " MiB the VPS has");
        }
        if (disk < now.diskMib()) {
            throw new Conflict(DISK, "a disk can only grow: the VPS has " + now.diskMib() + " MiB");
        }
        if (cpu > max.cpuNumber() || ram > max.ramMib() || disk > max.diskMib()) {
            String field = cpu > max.cpuNumber() ? CPU : ram > max.ramMib() ? RAM : DISK;
            throw new Conflict(field, service.productName() + " grows up to " + max.words());
        }
        if (cpu == now.cpuNumber() && ram == now.ramMib() && disk == now.diskMib()) {
            throw new Conflict("body", "the VPS already has " + now.words());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(CPU, Integer.toString(cpu));
        parameters.put(RAM, Long.toString(ram));
        parameters.put(DISK, Long.toString(disk));
        return parameters;
    }

    private static int whole(Map<String, String> asked, String field, long current) {
        String value = asked.get(field);
        if (value == null) {
            return (int) current;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 1 || n > 16_777_216) {
                throw InvalidRequest.of(field, "must be a whole number from 1 to 16777216");
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw InvalidRequest.of(field, "must be a whole number");
        }
    }

    @Override
    public StepOutcome run(String step, VmOperationStep t) {
        VmSize wanted = new VmSize(Integer.parseInt(t.operation().parameters().get(CPU)),
                Long.parseLong(t.operation().parameters().get(RAM)), Long.parseLong(t.operation().parameters().get(DISK)));
        return switch (step) {
            case "change-resources" -> changeResources(t, wanted);
            case "await-resources" -> await(t, "resources", "host_change_params", "grow-disk");
            case "grow-disk" -> growDisk(t, wanted);
            case "await-disk" -> awaitDisk(t, wanted);
            default -> new StepOutcome.Fail("unknown VMmanager resize step " + step);
        };
    }

    private StepOutcome changeResources(VmOperationStep t, VmSize wanted) {
        String key = t.operation().operationId() + "/resources";
        if (t.state().taskOf(key) != null) {
            return new StepOutcome.Next("await-resources", "CPU and RAM change asked for");
        }
        VmHost host = t.s().api().host(t.hostId()).orElseThrow();
        if (host.cpuNumber() == wanted.cpuNumber() && host.ramMib() == wanted.ramMib()) {
            return new StepOutcome.Next("grow-disk", "CPU and RAM already " + wanted.cpuNumber() + " / "
                    + wanted.ramMib() + " MiB");
        }
        Optional<VmTaskRef> task = support.whenNotBusy(() -> t.s().api().changeResources(t.hostId(),
                wanted.cpuNumber(), wanted.ramMib()));
        if (task.isEmpty()) {
            return support.busy(t, "the CPU and RAM change");
        }
        support.save(t, t.state().withTask(key, task.get().consulId(), support.context().clock().instant()));
        return new StepOutcome.Next("await-resources", "changing CPU and RAM");
    }

    private StepOutcome await(VmOperationStep t, String what, String taskName, String next) {
        String consulId = t.state().taskOf(t.operation().operationId() + "/" + what);
        if (consulId == null) {
            return new StepOutcome.Next(next, "nothing to wait for");
        }
        Optional<VmTask> task = t.s().api().task(consulId, taskName);
        if (task.isPresent() && task.get().complete()) {
            return new StepOutcome.Next(next, what + " changed");
        }
        if (task.isPresent() && task.get().failed()) {
            return new StepOutcome.Fail("VMmanager could not change the " + what + " of VPS " + t.hostId() + ": "
                    + task.get().output());
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "changing the " + what);
    }

    private StepOutcome growDisk(VmOperationStep t, VmSize wanted) {
        String key = t.operation().operationId() + "/disk";
        if (t.state().taskOf(key) != null) {
            return new StepOutcome.Next("await-disk", "disk growth asked for");
        }
        VmHost host = t.s().api().host(t.hostId()).orElseThrow();
        VmHost.VmDisk disk = host.mainDisk();
        if (disk == null) {
            return new StepOutcome.Fail("VMmanager lists no disk for VPS " + t.hostId());
        }
        if (disk.sizeMib() >= wanted.diskMib()) {
            return new StepOutcome.Next("await-disk", "disk already " + disk.sizeMib() + " MiB");
        }
        Optional<VmTaskRef> task = support.whenNotBusy(() -> t.s().api().resizeDisk(disk.id(), wanted.diskMib()));
        if (task.isEmpty()) {
            return support.busy(t, "the disk growth");
        }
        support.save(t, t.state().withTask(key, task.get().consulId(), support.context().clock().instant()));
        return new StepOutcome.Next("await-disk", "growing the disk to " + wanted.diskMib() + " MiB");
    }

    private StepOutcome awaitDisk(VmOperationStep t, VmSize wanted) {
        StepOutcome disk = await(t, "disk", "disk_resize", "done");
        if (!(disk instanceof StepOutcome.Next)) {
            return disk;
        }
        String serviceId = t.s().service().serviceId();
        support.context().states().save(serviceId, VmManagerBackend.NAME, t.s().state().withSize(wanted).toMap());
        support.customerMail(t, MailTemplate.RESIZED, "resized#" + t.operation().operationId(),
                Map.of(MailVariables.SIZE, wanted.words()), Map.of());
        return new StepOutcome.Done("VPS " + t.hostId() + " now has " + wanted.words());
    }
}
