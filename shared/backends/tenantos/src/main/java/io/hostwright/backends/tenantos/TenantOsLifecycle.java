package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendOutcomes;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.util.Map;
import java.util.Optional;

/**
 * Suspend, unsuspend, terminate and reinstall of dedicated servers on TenantOS, one class per operation. Every
 * operation first checks that the server still belongs to the customer's TenantOS user: a server reassigned by hand
 * upstream is not touched, and the operation stops for staff. Every step reads TenantOS first and changes only what
 * is not yet as wanted, so a repeated step is harmless.
 */
final class TenantOsLifecycle implements LifecycleModule {

    private final LifecycleSupport support;
    private final TenantOsApis apis;
    private final TenantOsTerminate terminate;
    private final Map<OperationKind, TenantOsOperation> operations;

    TenantOsLifecycle(LifecycleSupport support, TenantOsApis apis) {
        this.support = support;
        this.apis = apis;
        this.terminate = new TenantOsTerminate(support);
        this.operations = Map.of(
                OperationKind.SUSPEND, new TenantOsSuspend(support),
                OperationKind.UNSUSPEND, new TenantOsUnsuspend(support),
                OperationKind.TERMINATE, terminate,
                OperationKind.REINSTALL, new TenantOsReinstall(support));
    }

    @Override
    public Optional<OperationPlan> plan(OperationKind kind) {
        return Optional.ofNullable(operations.get(kind)).map(TenantOsOperation::plan);
    }

    @Override
    public StepOutcome run(Operation operation, String step, Service service, int attempt) {
        TenantOsOperation steps = operations.get(operation.kind());
        if (steps == null) {
            return new StepOutcome.Fail(operation.kind().label() + " is not a TenantOS operation");
        }
        try {
            TenantOsContext s = TenantOsContext.resolve(service, support.context().connections(), apis,
                    support.context().states());
            LifecycleStep t = new LifecycleStep(operation, s, s.settings().lifecycle(), TenantOsLifecycleState.from(
                    support.context().states().load(service.serviceId(), TenantOsLifecycleState.MODULE_STATE)));
            if (s.state().serverId() == null) {
                return operation.kind().equals(OperationKind.TERMINATE) ? terminate.withoutServer(step, t)
                        : new StepOutcome.Fail("no TenantOS server is recorded for this service");
            }
            return step.equals("check-owner") ? checkOwner(t, steps.plan()) : steps.run(step, t);
        } catch (TenantOsContext.Unresolvable unresolvable) {
            return new StepOutcome.Fail(unresolvable.getMessage());
        } catch (BackendFailure failure) {
            return BackendOutcomes.of(failure, TenantOsBackend.DISPLAY_NAME, step, attempt,
                    support.context().backoff());
        }
    }

    private StepOutcome checkOwner(LifecycleStep t, OperationPlan plan) {
        TenantOsServer server = t.s().api().server(t.serverId());
        Long user = t.s().state().userId();
        boolean customers = user != null && server.ownerUserId() == user;
        // a termination that an earlier attempt got as far as handing the server back may find it in stock
        boolean handedBack = t.operation().kind().equals(OperationKind.TERMINATE) && t.s().unowned(server);
        if (!customers && !handedBack) {
            return new StepOutcome.Attention("server " + server.id() + " was reassigned by hand in TenantOS (it no"
                    + " longer belongs to this service's account), so nothing was changed on it");
        }
        return new StepOutcome.Next(plan.steps().get(1), "server " + server.id() + " still belongs to TenantOS user "
                + user);
    }
}
