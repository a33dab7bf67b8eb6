package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the TenantOS operations share: the ports, customer mails, the remembered state and the switch ports. */
final class LifecycleSupport {

    private final BackendContext context;

    LifecycleSupport(BackendContext context) {
        this.context = context;
    }

    BackendContext context() {
        return context;
    }

    Clock clock() {
        return context.clock();
    }

    void customerMail(LifecycleStep t, MailTemplate template, String event, Map<String, String> extra) {
        customerMail(t, template, event, extra, Map.of());
    }

    /** @param secrets template variable → the service's secret the mailer reads it from (never the value itself) */
    void customerMail(LifecycleStep t, MailTemplate template, String event, Map<String, String> extra,
                      Map<String, String> secrets) {
        Map<String, String> v = TenantOsProvisioning.customerVariables(t.s());
        v.putAll(extra);
        context.mail().enqueue(new MailRequest(t.s().service().serviceId(), event, template,
                List.of(t.s().service().customerEmail()), v, secrets));
    }

    TenantOsLifecycleState save(LifecycleStep t, TenantOsLifecycleState state) {
        context.states().save(t.s().service().serviceId(), TenantOsLifecycleState.MODULE_STATE, state.toMap());
        return state;
    }

    /** Brings up exactly the ports a suspension took down, then forgets them. @return how many */
    int bringPortsBackUp(LifecycleStep t) {
        List<Long> disabled = t.state().disabledPorts();
        if (disabled.isEmpty()) {
            return 0;
        }
        Map<Long, SwitchPort> ports = new HashMap<>();
        t.s().api().networkPorts(t.serverId()).forEach(p -> ports.put(p.id(), p));
        for (long portId : disabled) {
            SwitchPort port = ports.get(portId);
            if (port != null && !port.enabled()) {
                t.s().api().setPortEnabled(t.serverId(), portId, true);
            }
        }
        save(t, t.state().withDisabledPorts(List.of()));
        return disabled.size();
    }
}
