package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.step.StepOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the VMmanager operations share: the ports, customer mails, the remembered state, task reading. */
final class VmLifecycleSupport {

    private final BackendContext context;

    VmLifecycleSupport(BackendContext context) {
        this.context = context;
    }

    BackendContext context() {
        return context;
    }

    VmLifecycleState save(VmOperationStep t, VmLifecycleState state) {
        context.states().save(t.s().service().serviceId(), VmLifecycleState.MODULE_STATE, state.toMap());
        return state;
    }

    /** @param secrets template variable → the service's secret the mailer reads it from (never the value) */
    void customerMail(VmOperationStep t, MailTemplate template, String event, Map<String, String> extra,
                      Map<String, String> secrets) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("productName", t.s().service().productName());
        v.put("hostname", t.s().service().label());
        v.put("os", t.s().service().osName());
        v.put("mainIp", t.s().state().mainIp() == null ? "" : t.s().state().mainIp());
        v.put("additionalIps", t.s().state().ips().size() <= 1 ? "none"
                : String.join(", ", t.s().state().ips().subList(1, t.s().state().ips().size())));
        v.putAll(extra);
        context.mail().enqueue(new MailRequest(t.s().service().serviceId(), event, template,
                List.of(t.s().service().customerEmail()), v, secrets));
    }

    /**
     * Asks for a change of the host unless VMmanager says it is busy with another task: then the step waits and
     * asks again. Answers the started task, or empty while busy.
     */
    Optional<VmTaskRef> whenNotBusy(Supplier<VmTaskRef> change) {
        try {
            return Optional.of(change.get());
        } catch (BackendFailure failure) {
            if (VmError.of(failure) == VmError.HOST_BUSY) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    StepOutcome busy(VmOperationStep t, String next) {
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "host " + t.hostId()
                + " is busy with another task; " + next + " waits");
    }
}
