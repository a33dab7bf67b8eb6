package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.step.StepOutcome;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terminate (seed 000, "Termination"): power off, take the server back from the customer (owner, hostname,
 * suspension, ports), release the extra IPs, wipe the disks and wait for the wipe, then — only then — put the
 * server back in stock and tell staff it is; finally remove the customer's user when nothing needs it. The service
 * is terminated once the server is taken back, even while its disks are still being wiped.
 */
final class TenantOsTerminate implements TenantOsOperation {

    static final OperationPlan PLAN = new OperationPlan(List.of("check-owner", "power-off", "reset-server",
            "release-ips", "start-wipe", "await-wipe", "return-to-stock", "remove-user"), "reset-server");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final LifecycleSupport support;

    TenantOsTerminate(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public OperationPlan plan() {
        return PLAN;
    }

    @Override
    public StepOutcome run(String step, LifecycleStep t) {
        return switch (step) {
            case "power-off" -> powerOff(t);
            case "reset-server" -> resetServer(t);
            case "release-ips" -> releaseIps(t);
            case "start-wipe" -> startWipe(t);
            case "await-wipe" -> awaitWipe(t);
            case "return-to-stock" -> returnToStock(t);
            case "remove-user" -> removeUser(t);
            default -> new StepOutcome.Fail("unknown TenantOS terminate step " + step);
        };
    }

    /**
     * A service that never got a server (it failed before): no server step has anything to do; the customer is told,
     * and a TenantOS user its order created goes when nothing else needs it.
     */
    StepOutcome withoutServer(String step, LifecycleStep t) {
        List<String> steps = PLAN.steps();
        if (step.equals("reset-server")) {
            support.customerMail(t, MailTemplate.TERMINATED, "terminated", Map.of());
        }
        Long user = t.s().state().userId();
        if (step.equals("remove-user") && user != null && t.s().state().userCreated()
                && t.settings().removeUserOnTermination()) {
            return new StepOutcome.Done("no server had been assigned; "
                    + TenantOsUsers.removeIfUnused(t.s(), user, support.context().services()));
        }
        int next = steps.indexOf(step) + 1;
        return next >= steps.size() ? new StepOutcome.Done("no server had been assigned")
                : new StepOutcome.Next(steps.get(next), "no server had been assigned");
    }

    private StepOutcome powerOff(LifecycleStep t) {
        if (!t.settings().shutdownOnTermination()) {
            return new StepOutcome.Next("reset-server", "server left powered (product setting)");
        }
        TenantOsServer server = t.s().api().server(t.serverId());
        if ("off".equals(server.powerStatus())) {
            return new StepOutcome.Next("reset-server", "server already off");
        }
        if (!server.supports(PowerAction.OFF)) {
            return new StepOutcome.Next("reset-server", "the power provider cannot power the server off");
        }
        t.s().api().power(t.serverId(), PowerAction.OFF);
        return new StepOutcome.Next("reset-server", "server powered off");
    }

    private StepOutcome resetServer(LifecycleStep t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        String hostname = terminationHostname(t, server);
        long stock = t.s().connection().stockOwnerUserId();
        if (server.ownerUserId() != stock || !hostname.equals(server.hostname())) {
            t.s().api().updateServer(server.id(), stock, hostname, server.tags());
        }
        if (!server.suspendedUserIds().isEmpty()) {
            t.s().api().setSuspendedUsers(server.id(), List.of());
        }
        // a suspension's ports come back up: the wipe boots from the network and the next customer needs them
        int ports = support.bringPortsBackUp(t);
        support.customerMail(t, MailTemplate.TERMINATED, "terminated", Map.of());
        return new StepOutcome.Next("release-ips", "server " + server.id() + " taken back from the customer as "
                + hostname + (ports > 0 ? "; " + ports + " switch port(s) up again" : ""));
    }

    private String terminationHostname(LifecycleStep t, TenantOsServer server) {
        String template = t.settings().terminationHostname();
        if (template == null) {
            return server.hostname();
        }
        return template.replace("{serviceId}", t.s().service().serviceId())
                .replace("{productId}", t.s().service().productId())
                .replace("{serverId}", Long.toString(server.id()))
                .replace("{date}", DATE.format(support.clock().instant()));
    }

    private StepOutcome releaseIps(LifecycleStep t) {
        List<IpAssignment> extras = t.s().api().ipAssignments(t.serverId()).stream()
                .filter(a -> !a.primary())
                .sorted(Comparator.comparingLong(IpAssignment::id))
                .toList();
        for (IpAssignment extra : extras) {
            try {
                t.s().api().removeIpAssignment(t.serverId(), extra.id());
            } catch (BackendFailure.Permanent gone) {
                if (gone.status() != 404) {
                    throw gone;
                }
            }
        }
        return new StepOutcome.Next("start-wipe", extras.size() + " additional IP address(es) released");
    }

    private StepOutcome startWipe(LifecycleStep t) {
        Long profileId = t.settings().terminationProfileId();
        if (profileId != null && t.state().wipeStartedAt() == null) {
            if (!InstallJobWatch.jobRunning(t.s().api(), t.serverId())) {
                t.s().api().startReinstallation(t.serverId(), profileId, null, null);
            }
            TenantOsLifecycleState started = t.state().withWipeStarted(support.clock().instant());
            support.save(t, InstallJobWatch.runningNow(t.s().api(), t.serverId())
                    ? started.withJobSeenRunning() : started);
        }
        return new StepOutcome.Next("await-wipe", profileId == null ? "no disk wipe configured for this product"
                : "disk wipe started with TenantOS profile " + profileId);
    }

    private StepOutcome awaitWipe(LifecycleStep t) {
        if (t.settings().terminationProfileId() == null) {
            return new StepOutcome.Next("return-to-stock", "no disk wipe to wait for");
        }
        InstallJobWatch.Reading reading = InstallJobWatch.read(t.s().api(), t.serverId(), t.state().wipeStartedAt(),
                t.state().jobSeenRunning(), support.clock().instant());
        if (reading.seenRunning() && !t.state().jobSeenRunning()) {
            support.save(t, t.state().withJobSeenRunning());
        }
        switch (reading.verdict()) {
            case FINISHED -> {
                return new StepOutcome.Next("return-to-stock", "disk wipe of server " + t.serverId() + " finished");
            }
            case FAILED -> {
                return new StepOutcome.Fail("disk wipe of server " + t.serverId() + " failed: "
                        + reading.status().message() + "; the server stays out of stock");
            }
            case WAITING -> {
            }
        }
        Instant deadline = t.state().wipeStartedAt().plus(t.settings().wipeDeadline());
        if (support.clock().instant().isAfter(deadline)) {
            return new StepOutcome.Fail("disk wipe of server " + t.serverId() + " did not finish within "
                    + t.settings().wipeDeadline().toMinutes() + " minutes; the server stays out of stock");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "wiping the disks of server " + t.serverId()
                + ": " + reading.status().progressPercent() + "%");
    }

    private StepOutcome returnToStock(LifecycleStep t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        Set<String> tags = new LinkedHashSet<>(server.tags());
        tags.removeAll(t.s().connection().tagsToRemoveAfterTermination());
        tags.addAll(t.s().connection().tagsToAddAfterTermination());
        if (!new LinkedHashSet<>(server.tags()).equals(tags)) {
            t.s().api().updateServer(server.id(), server.ownerUserId(), server.hostname(), List.copyOf(tags));
        }
        support.context().claims().release(t.s().connection().connectionId(), Long.toString(server.id()),
                t.s().service().serviceId());
        if (t.settings().terminationProfileId() != null) {
            tellStaffWipedAndBack(t, server.id(), tags);
        }
        return new StepOutcome.Next("remove-user", "server " + server.id() + " back in stock, tagged " + tags);
    }

    /**
     * Staff hear of a wiped server once it is back in stock, so the mail says what is done rather than asking for it
     * (once per termination, however often this step runs).
     */
    private void tellStaffWipedAndBack(LifecycleStep t, long serverId, Set<String> tags) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.PRODUCT_NAME, t.s().service().productName());
        v.put(MailVariables.HOSTNAME, t.s().service().label());
        v.put(MailVariables.SERVER, Long.toString(serverId));
        v.put(MailVariables.CONNECTION, t.s().connection().name());
        v.put(MailVariables.TAGS, tags.isEmpty() ? "none" : String.join(", ", tags));
        support.context().mail().enqueue(new MailRequest(t.s().service().serviceId(),
                "disk-wipe-finished#" + t.operation().operationId(), MailTemplate.DISK_WIPE_FINISHED,
                List.of(t.s().department()), v));
    }

    private StepOutcome removeUser(LifecycleStep t) {
        Long user = t.s().state().userId();
        if (!t.settings().removeUserOnTermination() || user == null) {
            return new StepOutcome.Done("TenantOS user kept (product setting)");
        }
        return new StepOutcome.Done(TenantOsUsers.removeIfUnused(t.s(), user, support.context().services()));
    }
}
