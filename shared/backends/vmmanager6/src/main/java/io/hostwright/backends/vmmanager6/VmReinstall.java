package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.RootPasswords;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.StepOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reinstall with the chosen OS template and a new root password: the password is kept for this operation until the
 * task completed, then becomes the service's; the customer is told when it starts and, with the password, when it
 * ends.
 */
final class VmReinstall implements VmOperation {

    static final String ROOT_PASSWORD_OF_REINSTALL = VmProvisioning.ROOT_PASSWORD + "#";
    private static final OperationPlan PLAN = OperationPlan.endingAtLastStep(
            List.of("check-host", "start-reinstall", "await-reinstall"));

    private final VmLifecycleSupport support;

    VmReinstall(VmLifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, VmOperationStep t) {
        return switch (step) {
            case "start-reinstall" -> start(t);
            case "await-reinstall" -> await(t);
            default -> new StepOutcome.Fail("unknown VMmanager reinstall step " + step);
        };
    }

    private StepOutcome start(VmOperationStep t) {
        String operationId = t.operation().operationId();
        if (t.state().taskOf(operationId) != null) {
            return new StepOutcome.Next("await-reinstall", "reinstallation started " + t.state().taskStartedAt());
        }
        String osTemplateId = t.operation().parameters().get(RequestOperation.OS_TEMPLATE_ID);
        VmOsLookup.Lookup os = VmOsLookup.of(support.context().templates(), t.s().connection().connectionId(),
                osTemplateId);
        if (os.osId() == null) {
            return new StepOutcome.Fail(os.problem());
        }
        String serviceId = t.s().service().serviceId();
        String secret = ROOT_PASSWORD_OF_REINSTALL + operationId;
        String password = support.context().secrets().get(serviceId, secret).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            support.context().secrets().put(serviceId, secret, password);
        }
        String chosen = password;
        Optional<VmTaskRef> task = support.whenNotBusy(() -> t.s().api().reinstall(t.hostId(), os.osId(), chosen));
        if (task.isEmpty()) {
            return support.busy(t, "the reinstallation");
        }
        support.save(t, t.state().withTask(operationId, task.get().consulId(), support.context().clock().instant()));
        support.customerMail(t, MailTemplate.REINSTALL_STARTED, "reinstall-started#" + operationId,
                Map.of(MailVariables.OS, osName(t)), Map.of());
        return new StepOutcome.Next("await-reinstall", "reinstalling " + osName(t));
    }

    private StepOutcome await(VmOperationStep t) {
        String operationId = t.operation().operationId();
        String consulId = t.state().taskOf(operationId);
        Optional<VmTask> task = consulId == null ? Optional.empty() : t.s().api().task(consulId, "host_reinstall");
        if (task.isPresent() && task.get().complete()) {
            String serviceId = t.s().service().serviceId();
            String secret = ROOT_PASSWORD_OF_REINSTALL + operationId;
            // a redelivery after the copy finds this reinstall's password gone and the copy already made
            support.context().secrets().get(serviceId, secret).ifPresent(password -> {
                support.context().secrets().put(serviceId, VmProvisioning.ROOT_PASSWORD, password);
                support.context().secrets().delete(serviceId, secret);
            });
            support.customerMail(t, MailTemplate.REINSTALL_FINISHED, "reinstall-finished#" + operationId,
                    Map.of(MailVariables.OS, osName(t)),
                    Map.of(MailVariables.ROOT_PASSWORD, VmProvisioning.ROOT_PASSWORD));
            return new StepOutcome.Done("VPS " + t.hostId() + " reinstalled with " + osName(t));
        }
        if (task.isPresent() && task.get().failed()) {
            return new StepOutcome.Fail("reinstallation of VPS " + t.hostId() + " failed: " + task.get().output());
        }
        Instant started = t.state().taskStartedAt() == null ? support.context().clock().instant()
                : t.state().taskStartedAt();
        if (support.context().clock().instant().isAfter(started.plus(t.s().settings().taskDeadline()))) {
            return new StepOutcome.Fail("reinstallation of VPS " + t.hostId() + " did not finish within "
                    + t.s().settings().taskDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "reinstalling " + osName(t));
    }

    private static String osName(VmOperationStep t) {
        return t.operation().parameters().getOrDefault(RequestOperation.OS_NAME, t.s().service().osName());
    }
}
