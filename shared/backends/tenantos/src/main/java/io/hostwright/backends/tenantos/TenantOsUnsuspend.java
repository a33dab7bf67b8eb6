package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

import java.util.List;
import java.util.Map;

/** Unsuspend: the exact reverse of what the suspension did — user, power (only if it turned it off), ports. */
final class TenantOsUnsuspend implements TenantOsOperation {

    private static final OperationPlan PLAN = OperationPlan.endingAtLastStep(
            List.of("check-owner", "unsuspend-user", "power-on", "enable-ports"));

    private final LifecycleSupport support;

    TenantOsUnsuspend(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, LifecycleStep t) {
        return switch (step) {
            case "unsuspend-user" -> unsuspendUser(t);
            case "power-on" -> powerOn(t);
            case "enable-ports" -> enablePorts(t);
            default -> new StepOutcome.Fail("unknown TenantOS unsuspend step " + step);
        };
    }

    private StepOutcome unsuspendUser(LifecycleStep t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        long user = t.s().state().userId();
        if (server.suspendedUserIds().contains(user)) {
            t.s().api().setSuspendedUsers(t.serverId(),
                    server.suspendedUserIds().stream().filter(id -> id != user).toList());
        }
        return new StepOutcome.Next("power-on", "TenantOS user " + user + " unsuspended on server " + t.serverId());
    }

    private StepOutcome powerOn(LifecycleStep t) {
        if (!t.state().poweredOffBySuspension()) {
            return new StepOutcome.Next("enable-ports", "power left as it was (the suspension did not turn it off)");
        }
        TenantOsServer server = t.s().api().server(t.serverId());
        if (!"on".equals(server.powerStatus())) {
            t.s().api().power(t.serverId(), PowerAction.ON);
        }
        support.save(t, t.state().withPoweredOffBySuspension(false));
        return new StepOutcome.Next("enable-ports", "server powered on");
    }

    private StepOutcome enablePorts(LifecycleStep t) {
        int count = support.bringPortsBackUp(t);
        support.customerMail(t, MailTemplate.UNSUSPENDED, "unsuspended#" + t.operation().operationId(), Map.of());
        return new StepOutcome.Done(count + " switch port(s) up again; service unsuspended");
    }
}
