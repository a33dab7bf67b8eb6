package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.RootPasswords;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.StepOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reinstall (seed 000, "Reinstall Server"): the chosen OS with a new root password, then the wait; the customer gets
 * the new password once it is installed. Safe to repeat: a reinstall this operation started is not started again.
 */
final class TenantOsReinstall implements TenantOsOperation {

    static final String ROOT_PASSWORD_OF_REINSTALL = TenantOsProvisioning.ROOT_PASSWORD + "#";
    private static final OperationPlan PLAN = OperationPlan.endingAtLastStep(
            List.of("check-owner", "start-reinstall", "await-reinstall"));

    private final LifecycleSupport support;

    TenantOsReinstall(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, LifecycleStep t) {
        return switch (step) {
            case "start-reinstall" -> startReinstall(t);
            case "await-reinstall" -> awaitReinstall(t);
            default -> new StepOutcome.Fail("unknown TenantOS reinstall step " + step);
        };
    }

    private StepOutcome startReinstall(LifecycleStep t) {
        String operationId = t.operation().operationId();
        if (operationId.equals(t.state().reinstallOperationId())) {
            return new StepOutcome.Next("await-reinstall", "reinstallation started " + t.state().reinstallStartedAt());
        }
        String osTemplateId = t.operation().parameters().get(RequestOperation.OS_TEMPLATE_ID);
        TenantOsProfiles.Lookup profile = TenantOsProfiles.of(support.context().templates(),
                t.s().connection().connectionId(), osTemplateId);
        if (profile.profileId() == null) {
            return new StepOutcome.Fail(profile.problem());
        }
        long profileId = profile.profileId();
        boolean offered = t.s().api().provisioningProfiles(t.serverId()).stream().anyMatch(p -> p.id() == profileId);
        if (!offered) {
            return new StepOutcome.Fail("OS template " + osTemplateId + " (TenantOS profile " + profileId
                    + ") is no longer offered by TenantOS for server " + t.serverId());
        }
        String serviceId = t.s().service().serviceId();
        String secret = ROOT_PASSWORD_OF_REINSTALL + operationId;
        String password = support.context().secrets().get(serviceId, secret).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            support.context().secrets().put(serviceId, secret, password);
        }
        if (!InstallJobWatch.jobRunning(t.s().api(), t.serverId())) {
            t.s().api().startReinstallation(t.serverId(), profileId, t.s().service().hostname(), password);
        }
        TenantOsLifecycleState started = t.state().withReinstall(operationId, support.clock().instant());
        support.save(t, InstallJobWatch.runningNow(t.s().api(), t.serverId()) ? started.withJobSeenRunning() : started);
        support.customerMail(t, MailTemplate.REINSTALL_STARTED, "reinstall-started#" + operationId,
                Map.of(MailVariables.OS, osName(t)));
        return new StepOutcome.Next("await-reinstall", "reinstalling " + osName(t));
    }

    private StepOutcome awaitReinstall(LifecycleStep t) {
        String operationId = t.operation().operationId();
        InstallJobWatch.Reading reading = InstallJobWatch.read(t.s().api(), t.serverId(),
                t.state().reinstallStartedAt(), t.state().jobSeenRunning(), support.clock().instant());
        if (reading.seenRunning() && !t.state().jobSeenRunning()) {
            support.save(t, t.state().withJobSeenRunning());
        }
        switch (reading.verdict()) {
            case FINISHED -> {
                String serviceId = t.s().service().serviceId();
                String secret = ROOT_PASSWORD_OF_REINSTALL + operationId;
                // a redelivery after the copy finds this reinstall's password gone and the copy already made
                support.context().secrets().get(serviceId, secret).ifPresent(password -> {
                    support.context().secrets().put(serviceId, TenantOsProvisioning.ROOT_PASSWORD, password);
                    support.context().secrets().delete(serviceId, secret);
                });
                support.customerMail(t, MailTemplate.REINSTALL_FINISHED, "reinstall-finished#" + operationId,
                        Map.of(MailVariables.OS, osName(t)), Map.of(MailVariables.ROOT_PASSWORD,
                                TenantOsProvisioning.ROOT_PASSWORD));
                return new StepOutcome.Done("server " + t.serverId() + " reinstalled with " + osName(t));
            }
            case FAILED -> {
                return new StepOutcome.Fail("reinstallation of server " + t.serverId() + " failed: "
                        + reading.status().message());
            }
            case WAITING -> {
            }
        }
        Instant deadline = t.state().reinstallStartedAt().plus(t.s().settings().installDeadline());
        if (support.clock().instant().isAfter(deadline)) {
            return new StepOutcome.Fail("reinstallation of server " + t.serverId() + " did not finish within "
                    + t.s().settings().installDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "reinstalling " + osName(t) + ": "
                + reading.status().progressPercent() + "%");
    }

    private static String osName(LifecycleStep t) {
        return t.operation().parameters().getOrDefault(RequestOperation.OS_NAME, t.s().service().osName());
    }
}
