package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

import java.util.List;
import java.util.Map;

/** Unsuspend: exactly what the suspension took away comes back — the account's access, then the VPS started. */
final class VmUnsuspend implements VmOperation {

    private static final OperationPlan PLAN = OperationPlan.endingAtLastStep(
            List.of("check-host", "unlock-account", "start-host"));

    private final VmLifecycleSupport support;

    VmUnsuspend(VmLifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, VmOperationStep t) {
        return switch (step) {
            case "unlock-account" -> unlockAccount(t);
            case "start-host" -> startHost(t);
            default -> new StepOutcome.Fail("unknown VMmanager unsuspend step " + step);
        };
    }

    private StepOutcome unlockAccount(VmOperationStep t) {
        Long accountId = t.s().state().accountId();
        if (accountId != null && t.state().accountSuspendedBySuspension()) {
            if (t.s().api().findAccountByEmail(t.s().accountEmail()).map(VmAccount::suspended).orElse(false)) {
                t.s().api().resumeAccount(accountId);
            }
            support.save(t, t.state().accountSuspendedBySuspension(false));
            return new StepOutcome.Next("start-host", "account " + accountId + " open again");
        }
        return new StepOutcome.Next("start-host", "the account was not locked by the suspension");
    }

    private StepOutcome startHost(VmOperationStep t) {
        VmHost host = t.s().api().host(t.hostId()).orElseThrow();
        if (t.state().stoppedBySuspension() && !"on".equals(host.power())) {
            if (support.whenNotBusy(() -> t.s().api().start(t.hostId())).isEmpty()) {
                return support.busy(t, "starting");
            }
            return new StepOutcome.Wait(t.s().settings().pollInterval(), "starting VPS " + t.hostId());
        }
        if (t.state().stoppedBySuspension()) {
            support.save(t, t.state().stoppedBySuspension(false));
        }
        support.customerMail(t, MailTemplate.UNSUSPENDED, "unsuspended#" + t.operation().operationId(), Map.of(),
                Map.of());
        return new StepOutcome.Done("VPS " + t.hostId() + " running; service unsuspended");
    }
}
