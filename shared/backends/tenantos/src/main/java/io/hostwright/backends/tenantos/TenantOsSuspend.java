package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suspend (seed 000, "Suspend"): switch ports down, power off, the customer's user suspended on the server, the
 * customer told why. The service is suspended as soon as the owner check passed, so a failure half way is undone by
 * an unsuspend, which brings back exactly what this took away.
 */
final class TenantOsSuspend implements TenantOsOperation {

    private static final OperationPlan PLAN = new OperationPlan(
            List.of("check-owner", "disable-ports", "power-off", "suspend-user"), "check-owner");

    private final LifecycleSupport support;

    TenantOsSuspend(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, LifecycleStep t) {
        return switch (step) {
            case "disable-ports" -> disablePorts(t);
            case "power-off" -> powerOff(t);
            case "suspend-user" -> suspendUser(t);
            default -> new StepOutcome.Fail("unknown TenantOS suspend step " + step);
        };
    }

    private StepOutcome disablePorts(LifecycleStep t) {
        if (!t.settings().disablePortsOnSuspend()) {
            return new StepOutcome.Next("power-off", "switch ports left as they are (product setting)");
        }
        List<SwitchPort> ports = t.s().api().networkPorts(t.serverId());
        List<SwitchPort> toDisable = ports.stream().filter(p -> p.manageable() && p.enabled()).toList();
        // remember before acting: a retry after a partial run must still bring these ports back up
        Set<Long> remembered = new LinkedHashSet<>(t.state().disabledPorts());
        toDisable.forEach(p -> remembered.add(p.id()));
        support.save(t, t.state().withDisabledPorts(List.copyOf(remembered)));
        for (SwitchPort port : toDisable) {
            t.s().api().setPortEnabled(t.serverId(), port.id(), false);
        }
        List<String> unmanaged = ports.stream().filter(p -> !p.manageable())
                .map(p -> p.name() + " on " + p.switchName()).toList();
        return new StepOutcome.Next("power-off", remembered.size() + " switch port(s) down"
                + (unmanaged.isEmpty() ? "" : "; left up (switch not manageable): " + String.join(", ", unmanaged)));
    }

    private StepOutcome powerOff(LifecycleStep t) {
        if (!t.settings().shutdownOnSuspend()) {
            return new StepOutcome.Next("suspend-user", "server left powered (product setting)");
        }
        TenantOsServer server = t.s().api().server(t.serverId());
        if ("off".equals(server.powerStatus()) && !t.state().poweredOffBySuspension()) {
            return new StepOutcome.Next("suspend-user", "server was already off");
        }
        if (!server.supports(PowerAction.OFF)) {
            return new StepOutcome.Next("suspend-user", "the power provider cannot power the server off; left on");
        }
        support.save(t, t.state().withPoweredOffBySuspension(true));
        t.s().api().power(t.serverId(), PowerAction.OFF);
        return new StepOutcome.Next("suspend-user", "server powered off");
    }

    private StepOutcome suspendUser(LifecycleStep t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        long user = t.s().state().userId();
        if (!server.suspendedUserIds().contains(user)) {
            List<Long> suspended = new ArrayList<>(server.suspendedUserIds());
            suspended.add(user);
            t.s().api().setSuspendedUsers(t.serverId(), suspended);
        }
        String reason = t.operation().reason();
        support.customerMail(t, MailTemplate.SUSPENDED, "suspended#" + t.operation().operationId(),
                reason == null ? Map.of() : Map.of(MailVariables.REASON, reason));
        return new StepOutcome.Done("TenantOS user " + user + " suspended on server " + t.serverId());
    }
}
