package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

import java.util.List;
import java.util.Map;

/**
 * Terminate: the host deleted (its addresses go back to the pool when VMmanager's task ends), then the account removed
 * when this order created it and it holds nothing else; the service's secrets are deleted. The service is
 * terminated once the delete was asked for.
 */
final class VmTerminate implements VmOperation {

    private static final OperationPlan PLAN = new OperationPlan(
            List.of("check-host", "delete-host", "await-delete", "remove-account"), "delete-host");

    private final VmLifecycleSupport support;

    VmTerminate(VmLifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, VmOperationStep t) {
        return switch (step) {
            case "delete-host" -> deleteHost(t);
            case "await-delete" -> awaitDelete(t);
            case "remove-account" -> removeAccount(t);
            default -> new StepOutcome.Fail("unknown VMmanager terminate step " + step);
        };
    }

    /** A terminate that found no host at all (never created, or deleted by hand) still ends the service cleanly. */
    StepOutcome withoutHost(String step, VmOperationStep t) {
        return switch (step) {
            case "check-host", "delete-host", "await-delete" -> new StepOutcome.Next(next(step),
                    "no VPS recorded for this service");
            default -> removeAccount(t);
        };
    }

    private static String next(String step) {
        return PLAN.steps().get(PLAN.steps().indexOf(step) + 1);
    }

    private StepOutcome deleteHost(VmOperationStep t) {
        String operationId = t.operation().operationId();
        if (t.state().taskOf(operationId) != null) {
            return new StepOutcome.Next("await-delete", "deletion of VPS " + t.hostId() + " asked for");
        }
        VmHost host = t.s().api().host(t.hostId()).orElse(null);
        if (host != null && !"deleting".equals(host.state())) {
            var task = support.whenNotBusy(() -> t.s().api().deleteHost(t.hostId()));
            if (task.isEmpty()) {
                return support.busy(t, "deleting");
            }
            support.save(t, t.state().withTask(operationId, task.get().consulId(),
                    support.context().clock().instant()));
        }
        support.customerMail(t, MailTemplate.TERMINATED, "terminated", Map.of(), Map.of());
        return new StepOutcome.Next("await-delete", host == null ? "VPS " + t.hostId() + " was already gone"
                : "deleting VPS " + t.hostId());
    }

    private StepOutcome awaitDelete(VmOperationStep t) {
        if (t.s().api().host(t.hostId()).isEmpty()) {
            return new StepOutcome.Next("remove-account", "VPS " + t.hostId() + " deleted, its addresses released");
        }
        String task = t.state().taskOf(t.operation().operationId());
        if (task != null) {
            var read = t.s().api().task(task, "host_delete");
            if (read.isPresent() && read.get().failed()) {
                return new StepOutcome.Fail("VMmanager could not delete VPS " + t.hostId() + ": "
                        + read.get().output());
            }
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "deleting VPS " + t.hostId());
    }

    private StepOutcome removeAccount(VmOperationStep t) {
        Long accountId = t.s().state().accountId();
        String detail = "account kept";
        if (accountId != null && t.s().state().accountCreated()) {
            if (t.s().api().hostsOfAccount(accountId).isEmpty()) {
                if (t.s().api().findAccountByEmail(t.s().accountEmail()).isPresent()) {
                    t.s().api().deleteAccount(accountId);
                }
                detail = "account " + accountId + " removed";
            } else {
                detail = "account " + accountId + " kept: it holds other VPS";
            }
        }
        support.context().secrets().deleteAll(t.s().service().serviceId());
        return new StepOutcome.Done("VPS " + t.hostId() + " gone; " + detail);
    }
}
