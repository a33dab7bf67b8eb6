package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.StepOutcome;

import java.util.List;
import java.util.Map;

/**
 * Suspend: the VPS stopped and the account's panel access locked — unless the account still holds another live
 * service of the customer, which must not lose its panel for this one. The service is suspended as soon as the host
 * check passed; an unsuspend brings back exactly what this took away.
 */
final class VmSuspend implements VmOperation {

    private static final OperationPlan PLAN = new OperationPlan(
            List.of("check-host", "stop-host", "lock-account"), "check-host");

    private final VmLifecycleSupport support;

    VmSuspend(VmLifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, VmOperationStep t) {
        return switch (step) {
            case "stop-host" -> stopHost(t);
            case "lock-account" -> lockAccount(t);
            default -> new StepOutcome.Fail("unknown VMmanager suspend step " + step);
        };
    }

    private StepOutcome stopHost(VmOperationStep t) {
        VmHost host = t.s().api().host(t.hostId()).orElseThrow();
        if ("off".equals(host.power())) {
            return new StepOutcome.Next("lock-account", t.state().stoppedBySuspension() ? "VPS stopped"
                    : "VPS was already stopped");
        }
        if (!t.state().stoppedBySuspension()) {
            support.save(t, t.state().stoppedBySuspension(true));
        }
        if (support.whenNotBusy(() -> t.s().api().stop(t.hostId())).isEmpty()) {
            return support.busy(t, "stopping");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "stopping VPS " + t.hostId());
    }

    private StepOutcome lockAccount(VmOperationStep t) {
        Long accountId = t.s().state().accountId();
        String detail;
        List<String> others = accountId == null ? List.of() : t.s().api().hostsOfAccount(accountId).stream()
                .map(VmHost::comment)
                .filter(comment -> !comment.equals(t.s().service().serviceId()))
                .filter(comment -> support.context().services().findService(comment)
                        .map(s -> s.status() == ServiceStatus.ACTIVE).orElse(false))
                .toList();
        if (accountId == null) {
            detail = "no VMmanager account recorded; panel access unchanged";
        } else if (!others.isEmpty()) {
            detail = "account " + accountId + " left open: it also holds " + String.join(", ", others);
        } else {
            if (t.s().api().findAccountByEmail(t.s().accountEmail()).map(a -> !a.suspended()).orElse(false)) {
                support.save(t, t.state().accountSuspendedBySuspension(true));
                t.s().api().suspendAccount(accountId);
            }
            detail = "account " + accountId + " locked";
        }
        String reason = t.operation().reason();
        support.customerMail(t, MailTemplate.SUSPENDED, "suspended#" + t.operation().operationId(),
                reason == null ? Map.of() : Map.of(MailVariables.REASON, reason), Map.of());
        return new StepOutcome.Done("VPS " + t.hostId() + " stopped; " + detail);
    }
}
