package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendOutcomes;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.util.Map;
import java.util.Optional;

/**
 * Suspend, unsuspend, terminate and reinstall of VPS on VMmanager 6, one class per operation. Every operation first
 * checks that the host is still the service's (its comment carries the service id, its account is the customer's):
 * a host changed by hand upstream is not touched, and the operation stops for staff.
 */
final class VmLifecycle implements LifecycleModule {

    private final VmLifecycleSupport support;
    private final VmManagerApis apis;
    private final VmTerminate terminate;
    private final Map<OperationKind, VmOperation> operations;

    VmLifecycle(VmLifecycleSupport support, VmManagerApis apis) {
        this.support = support;
        this.apis = apis;
        this.terminate = new VmTerminate(support);
        this.operations = Map.of(
                OperationKind.SUSPEND, new VmSuspend(support),
                OperationKind.UNSUSPEND, new VmUnsuspend(support),
                OperationKind.TERMINATE, terminate,
                OperationKind.REINSTALL, new VmReinstall(support),
                OperationKind.RESIZE, new VmResize(support));
    }

    @Override
    public Optional<OperationPlan> plan(OperationKind kind) {
        return Optional.ofNullable(operations.get(kind)).map(VmOperation::plan);
    }

    /** A resize's size, checked before anything is written: see {@link VmResize#parameters}. */
    @Override
    public Map<String, String> parameters(OperationKind kind, Service service, Map<String, String> asked) {
        if (!kind.equals(OperationKind.RESIZE)) {
            return Map.of();
        }
        VmProductSettings settings;
        try {
            settings = VmContext.productSettings(service.sold().moduleSettings(), "the VMmanager settings of "
                    + service.productName());
        } catch (VmContext.Unresolvable unresolvable) {
            throw new Conflict("service", unresolvable.getMessage());
        }
        VmServiceState state = VmServiceState.from(support.context().states().load(service.serviceId(),
                VmManagerBackend.NAME));
        VmSize now = state.size() != null ? state.size() : settings.soldSize();
        return VmResize.parameters(service, settings, now, asked);
    }

    @Override
    public StepOutcome run(Operation operation, String step, Service service, int attempt) {
        VmOperation steps = operations.get(operation.kind());
        if (steps == null) {
            return new StepOutcome.Fail(operation.kind().label() + " is not a VMmanager operation");
        }
        try {
            VmContext s = VmContext.resolve(service, support.context(), apis);
            VmLifecycleState state = VmLifecycleState.from(support.context().states().load(service.serviceId(),
                    VmLifecycleState.MODULE_STATE));
            if (s.state().hostId() == null) {
                VmOperationStep t = new VmOperationStep(operation, s, 0, state);
                return operation.kind().equals(OperationKind.TERMINATE) ? terminate.withoutHost(step, t)
                        : new StepOutcome.Fail("no VMmanager host is recorded for this service");
            }
            VmOperationStep t = new VmOperationStep(operation, s, s.state().hostId(), state);
            return step.equals("check-host") ? checkHost(t, steps.plan()) : steps.run(step, t);
        } catch (VmContext.Unresolvable unresolvable) {
            return new StepOutcome.Fail(unresolvable.getMessage());
        } catch (BackendFailure failure) {
            return BackendOutcomes.of(failure, VmManagerBackend.DISPLAY_NAME, step, attempt,
                    support.context().backoff());
        }
    }

    private StepOutcome checkHost(VmOperationStep t, OperationPlan plan) {
        Optional<VmHost> host = t.s().api().host(t.hostId());
        String next = plan.steps().get(1);
        if (host.isEmpty()) {
            return t.operation().kind().equals(OperationKind.TERMINATE)
                    ? new StepOutcome.Next(next, "VPS " + t.hostId() + " is already gone")
                    : new StepOutcome.Attention("VPS " + t.hostId() + " is gone from VMmanager; nothing was changed");
        }
        VmHost h = host.get();
        boolean ours = t.s().service().serviceId().equals(h.comment())
                && (t.s().state().accountId() == null || t.s().state().accountId().equals(h.accountId()));
        if (!ours) {
            return new StepOutcome.Attention("VPS " + h.id() + " was changed by hand in VMmanager (its comment or"
                    + " owner is no longer this service's), so nothing was changed on it");
        }
        return new StepOutcome.Next(next, "VPS " + h.id() + " is still this service's");
    }
}
