package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.backend.ModuleState;
import io.hostwright.domain.backend.ServerClaims;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suspend, unsuspend, terminate and reinstall of dedicated servers on TenantOS (seed 000: "Suspend", "Termination",
 * "Reinstall Server"). Every operation first checks that the server still belongs to the customer's TenantOS user:
 * a server reassigned by hand upstream is not touched, and the operation stops for staff. Every step reads TenantOS
 * first and changes only what is not yet as wanted, so a repeated step is harmless.
 */
public final class TenantOsLifecycle implements LifecycleModule {

    static final String ROOT_PASSWORD_OF_REINSTALL = TenantOsProvisioning.ROOT_PASSWORD + "#";
    /** How long a job never seen running must be reported ended before that is believed. */
    static final Duration UNSEEN_JOB_GRACE = Duration.ofMinutes(2);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private static final Map<OperationKind, OperationPlan> PLANS = Map.of(
            // suspended as soon as anything may change: a failure half way is undone by an unsuspend
            OperationKind.SUSPEND, new OperationPlan(
                    List.of("check-owner", "disable-ports", "power-off", "suspend-user"), "check-owner"),
            OperationKind.UNSUSPEND, OperationPlan.endingAtLastStep(
                    List.of("check-owner", "unsuspend-user", "power-on", "enable-ports")),
            OperationKind.TERMINATE, new OperationPlan(
                    List.of("check-owner", "power-off", "reset-server", "release-ips", "start-wipe", "await-wipe",
                            "return-to-stock", "remove-user"), "reset-server"),
            OperationKind.REINSTALL, OperationPlan.endingAtLastStep(
                    List.of("check-owner", "start-reinstall", "await-reinstall")));

    private final CatalogRepository products;
    private final ServiceRepository services;
    private final TenantOsCatalog catalog;
    private final TenantOsApis apis;
    private final ServerClaims claims;
    private final ModuleState states;
    private final ServiceSecrets secrets;
    private final MailQueue mail;
    private final Backoff backoff;
    private final Clock clock;

    public TenantOsLifecycle(CatalogRepository products, ServiceRepository services, TenantOsCatalog catalog,
                             TenantOsApis apis, ServerClaims claims, ModuleState states, ServiceSecrets secrets,
                             MailQueue mail, Backoff backoff, Clock clock) {
        this.products = products;
        this.services = services;
        this.catalog = catalog;
        this.apis = apis;
        this.claims = claims;
        this.states = states;
        this.secrets = secrets;
        this.mail = mail;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public String module() {
        return TenantOsProvisioning.MODULE;
    }

    @Override
    public OperationPlan plan(OperationKind kind) {
        return PLANS.get(kind);
    }

    /** One step's inputs. */
    private record Step(Operation operation, TenantOsContext s, TenantOsLifecycleSettings settings,
                        TenantOsLifecycleState state) {
        long serverId() {
            return s.state().serverId();
        }
    }

    @Override
    public StepOutcome run(Operation operation, String step, Service service, int attempt) {
        try {
            TenantOsContext s = TenantOsContext.resolve(service, products, catalog, apis, states);
            Step t = new Step(operation, s, s.settings().lifecycle(),
                    TenantOsLifecycleState.from(states.load(service.serviceId(), TenantOsLifecycleState.MODULE_STATE)));
            if (s.state().serverId() == null) {
                return noServer(t, step);
            }
            OperationKind kind = operation.kind();
            return switch (step) {
                case "check-owner" -> checkOwner(t);
                case "disable-ports" -> disablePorts(t);
                case "power-off" -> kind == OperationKind.SUSPEND ? powerOffForSuspension(t) : powerOffForTermination(t);
                case "suspend-user" -> suspendUser(t);
                case "unsuspend-user" -> unsuspendUser(t);
                case "power-on" -> powerOn(t);
                case "enable-ports" -> enablePorts(t);
                case "reset-server" -> resetServer(t);
                case "release-ips" -> releaseIps(t);
                case "start-wipe" -> startWipe(t);
                case "await-wipe" -> awaitWipe(t);
                case "return-to-stock" -> returnToStock(t);
                case "remove-user" -> removeUser(t);
                case "start-reinstall" -> startReinstall(t);
                case "await-reinstall" -> awaitReinstall(t);
                default -> new StepOutcome.Fail("unknown TenantOS lifecycle step " + step);
            };
        } catch (TenantOsContext.Unresolvable unresolvable) {
            return new StepOutcome.Fail(unresolvable.getMessage());
        } catch (TenantOsFailure failure) {
            return TenantOsOutcomes.of(failure, step, attempt, backoff);
        }
    }

    /** A service that never got a server (it failed before): only termination makes sense, and has nothing to do. */
    private StepOutcome noServer(Step t, String step) {
        if (t.operation().kind() != OperationKind.TERMINATE) {
            return new StepOutcome.Fail("no TenantOS server is recorded for this service");
        }
        List<String> steps = PLANS.get(OperationKind.TERMINATE).steps();
        if (step.equals("reset-server")) {
            customerMail(t, MailTemplate.TERMINATED, "terminated", Map.of());
        }
        int next = steps.indexOf(step) + 1;
        return next >= steps.size() ? new StepOutcome.Done("no server had been assigned")
                : new StepOutcome.Next(steps.get(next), "no server had been assigned");
    }

    private StepOutcome checkOwner(Step t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        Long user = t.s().state().userId();
        boolean customers = user != null && server.ownerUserId() == user;
        // a termination that an earlier attempt got as far as handing the server back may find it in stock
        boolean handedBack = t.operation().kind() == OperationKind.TERMINATE && t.s().unowned(server);
        if (!customers && !handedBack) {
            return new StepOutcome.Attention("server " + server.id() + " was reassigned by hand in TenantOS (it no"
                    + " longer belongs to this service's account), so nothing was changed on it");
        }
        String next = plan(t.operation().kind()).steps().get(1);
        return new StepOutcome.Next(next, "server " + server.id() + " still belongs to TenantOS user " + user);
    }

    // --- suspend / unsuspend ------------------------------------------------------------------------------------

    private StepOutcome disablePorts(Step t) {
        if (!t.settings().disablePortsOnSuspend()) {
            return new StepOutcome.Next("power-off", "switch ports left as they are (product setting)");
        }
        List<SwitchPort> ports = t.s().api().networkPorts(t.serverId());
        List<SwitchPort> toDisable = ports.stream().filter(p -> p.manageable() && p.enabled()).toList();
        // remember before acting: a retry after a partial run must still bring these ports back up
        Set<Long> remembered = new LinkedHashSet<>(t.state().disabledPorts());
        toDisable.forEach(p -> remembered.add(p.id()));
        saveLifecycle(t, t.state().withDisabledPorts(List.copyOf(remembered)));
        for (SwitchPort port : toDisable) {
            t.s().api().setPortEnabled(t.serverId(), port.id(), false);
        }
        List<String> unmanaged = ports.stream().filter(p -> !p.manageable())
                .map(p -> p.name() + " on " + p.switchName()).toList();
        return new StepOutcome.Next("power-off", remembered.size() + " switch port(s) down"
                + (unmanaged.isEmpty() ? "" : "; left up (switch not manageable): " + String.join(", ", unmanaged)));
    }

    private StepOutcome powerOffForSuspension(Step t) {
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
        saveLifecycle(t, t.state().withPoweredOffBySuspension(true));
        t.s().api().power(t.serverId(), PowerAction.OFF);
        return new StepOutcome.Next("suspend-user", "server powered off");
    }

    private StepOutcome suspendUser(Step t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        long user = t.s().state().userId();
        if (!server.suspendedUserIds().contains(user)) {
            List<Long> suspended = new ArrayList<>(server.suspendedUserIds());
            suspended.add(user);
            t.s().api().setSuspendedUsers(t.serverId(), suspended);
        }
        String reason = t.operation().reason();
        customerMail(t, MailTemplate.SUSPENDED, "suspended#" + t.operation().operationId(),
                reason == null ? Map.of() : Map.of(MailVariables.REASON, reason));
        return new StepOutcome.Done("TenantOS user " + user + " suspended on server " + t.serverId());
    }

    private StepOutcome unsuspendUser(Step t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        long user = t.s().state().userId();
        if (server.suspendedUserIds().contains(user)) {
            t.s().api().setSuspendedUsers(t.serverId(),
                    server.suspendedUserIds().stream().filter(id -> id != user).toList());
        }
        return new StepOutcome.Next("power-on", "TenantOS user " + user + " unsuspended on server " + t.serverId());
    }

    private StepOutcome powerOn(Step t) {
        if (!t.state().poweredOffBySuspension()) {
            return new StepOutcome.Next("enable-ports", "power left as it was (the suspension did not turn it off)");
        }
        TenantOsServer server = t.s().api().server(t.serverId());
        if (!"on".equals(server.powerStatus())) {
            t.s().api().power(t.serverId(), PowerAction.ON);
        }
        saveLifecycle(t, t.state().withPoweredOffBySuspension(false));
        return new StepOutcome.Next("enable-ports", "server powered on");
    }

    private StepOutcome enablePorts(Step t) {
        int count = bringPortsBackUp(t);
        customerMail(t, MailTemplate.UNSUSPENDED, "unsuspended#" + t.operation().operationId(), Map.of());
        return new StepOutcome.Done(count + " switch port(s) up again; service unsuspended");
    }

    /** Brings up exactly the ports a suspension took down, then forgets them. */
    private int bringPortsBackUp(Step t) {
        List<Long> disabled = t.state().disabledPorts();
        if (disabled.isEmpty()) {
            return 0;
        }
        Map<Long, SwitchPort> ports = new java.util.HashMap<>();
        t.s().api().networkPorts(t.serverId()).forEach(p -> ports.put(p.id(), p));
        for (long portId : disabled) {
            SwitchPort port = ports.get(portId);
            if (port != null && !port.enabled()) {
                t.s().api().setPortEnabled(t.serverId(), portId, true);
            }
        }
        saveLifecycle(t, t.state().withDisabledPorts(List.of()));
        return disabled.size();
    }

    // --- terminate ----------------------------------------------------------------------------------------------

    private StepOutcome powerOffForTermination(Step t) {
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

    private StepOutcome resetServer(Step t) {
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
        int ports = bringPortsBackUp(t);
        customerMail(t, MailTemplate.TERMINATED, "terminated", Map.of());
        return new StepOutcome.Next("release-ips", "server " + server.id() + " taken back from the customer as "
                + hostname + (ports > 0 ? "; " + ports + " switch port(s) up again" : ""));
    }

    private String terminationHostname(Step t, TenantOsServer server) {
        String template = t.settings().terminationHostname();
        if (template == null) {
            return server.hostname();
        }
        return template.replace("{serviceId}", t.s().service().serviceId())
                .replace("{productId}", t.s().service().productId())
                .replace("{serverId}", Long.toString(server.id()))
                .replace("{date}", DATE.format(clock.instant()));
    }

    private StepOutcome releaseIps(Step t) {
        List<IpAssignment> extras = t.s().api().ipAssignments(t.serverId()).stream()
                .filter(a -> !a.primary())
                .sorted(Comparator.comparingLong(IpAssignment::id))
                .toList();
        for (IpAssignment extra : extras) {
            try {
                t.s().api().removeIpAssignment(t.serverId(), extra.id());
            } catch (TenantOsFailure.Permanent gone) {
                if (gone.status() != 404) {
                    throw gone;
                }
            }
        }
        return new StepOutcome.Next("start-wipe", extras.size() + " additional IP address(es) released");
    }

    private StepOutcome startWipe(Step t) {
        Long profileId = t.settings().terminationProfileId();
        if (profileId != null && t.state().wipeStartedAt() == null) {
            if (t.s().api().installStatus(t.serverId()).state() != InstallStatus.State.RUNNING) {
                t.s().api().startReinstallation(t.serverId(), profileId, null, null);
            }
            TenantOsLifecycleState started = t.state().withWipeStarted(clock.instant());
            saveLifecycle(t, seenRunningNow(t, started));
        }
        return new StepOutcome.Next("await-wipe", profileId == null ? "no disk wipe configured for this product"
                : "disk wipe started with TenantOS profile " + profileId);
    }

    private StepOutcome awaitWipe(Step t) {
        if (t.settings().terminationProfileId() == null) {
            return new StepOutcome.Next("return-to-stock", "no disk wipe to wait for");
        }
        InstallStatus status = t.s().api().installStatus(t.serverId());
        if (finished(t, status, t.state().wipeStartedAt())) {
            Map<String, String> v = new java.util.LinkedHashMap<>();
            v.put(MailVariables.PRODUCT_NAME, t.s().service().productName());
            v.put(MailVariables.HOSTNAME, t.s().service().hostname());
            v.put(MailVariables.SERVER, Long.toString(t.serverId()));
            v.put(MailVariables.CONNECTION, t.s().connection().name() == null ? t.s().connection().connectionId()
                    : t.s().connection().name());
            mail.enqueue(new MailRequest(t.s().service().serviceId(), "disk-wipe-finished#" + t.operation().operationId(),
                    MailTemplate.DISK_WIPE_FINISHED, List.of(t.s().department()), v));
            return new StepOutcome.Next("return-to-stock", "disk wipe of server " + t.serverId() + " finished");
        }
        if (status.state() == InstallStatus.State.FAILED && believable(t, t.state().wipeStartedAt())) {
            return new StepOutcome.Fail("disk wipe of server " + t.serverId() + " failed: " + status.message()
                    + "; the server stays out of stock");
        }
        Instant deadline = t.state().wipeStartedAt().plus(t.settings().wipeDeadline());
        if (clock.instant().isAfter(deadline)) {
            return new StepOutcome.Fail("disk wipe of server " + t.serverId() + " did not finish within "
                    + t.settings().wipeDeadline().toMinutes() + " minutes; the server stays out of stock");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "wiping the disks of server " + t.serverId()
                + ": " + status.progressPercent() + "%");
    }

    private StepOutcome returnToStock(Step t) {
        TenantOsServer server = t.s().api().server(t.serverId());
        Set<String> tags = new LinkedHashSet<>(server.tags());
        tags.removeAll(t.s().connection().tagsToRemoveAfterTermination());
        tags.addAll(t.s().connection().tagsToAddAfterTermination());
        if (!new LinkedHashSet<>(server.tags()).equals(tags)) {
            t.s().api().updateServer(server.id(), server.ownerUserId(), server.hostname(), List.copyOf(tags));
        }
        claims.release(t.s().connection().connectionId(), Long.toString(server.id()), t.s().service().serviceId());
        return new StepOutcome.Next("remove-user", "server " + server.id() + " back in stock, tagged " + tags);
    }

    private StepOutcome removeUser(Step t) {
        Long user = t.s().state().userId();
        if (!t.settings().removeUserOnTermination() || user == null) {
            return new StepOutcome.Done("TenantOS user kept (product setting)");
        }
        if (!t.s().api().serversOwnedBy(user).isEmpty()) {
            return new StepOutcome.Done("TenantOS user " + user + " kept: other servers are theirs");
        }
        // another order of the customer may be using the user before any server is theirs upstream
        if (otherLiveServiceOnThisConnection(t)) {
            return new StepOutcome.Done("TenantOS user " + user + " kept: another service of the customer uses it");
        }
        try {
            t.s().api().deleteUser(user);
        } catch (TenantOsFailure.Permanent gone) {
            if (gone.status() != 404) {
                throw gone;
            }
        }
        return new StepOutcome.Done("TenantOS user " + user + " removed");
    }

    private boolean otherLiveServiceOnThisConnection(Step t) {
        Service self = t.s().service();
        return services.listByCustomer(self.customerId()).stream()
                .filter(other -> !other.serviceId().equals(self.serviceId()))
                .filter(other -> TenantOsProvisioning.MODULE.equals(other.module()))
                .filter(other -> other.status() != ServiceStatus.TERMINATED && other.status() != ServiceStatus.FAILED)
                .anyMatch(other -> products.findProduct(other.productId())
                        .map(p -> t.s().connection().connectionId().equals(p.connectionId())).orElse(true));
    }

    // --- reinstall ----------------------------------------------------------------------------------------------

    private StepOutcome startReinstall(Step t) {
        String operationId = t.operation().operationId();
        if (operationId.equals(t.state().reinstallOperationId())) {
            return new StepOutcome.Next("await-reinstall", "reinstallation started " + t.state().reinstallStartedAt());
        }
        String osTemplateId = t.operation().parameters().get(RequestOperation.OS_TEMPLATE_ID);
        Long profileId = t.s().settings().osProfiles().get(osTemplateId);
        if (profileId == null) {
            return new StepOutcome.Fail("OS template " + osTemplateId + " has no TenantOS profile");
        }
        boolean offered = t.s().api().provisioningProfiles(t.serverId()).stream().anyMatch(p -> p.id() == profileId);
        if (!offered) {
            return new StepOutcome.Fail("OS template " + osTemplateId + " (TenantOS profile " + profileId
                    + ") is no longer offered by TenantOS for server " + t.serverId());
        }
        String secret = ROOT_PASSWORD_OF_REINSTALL + operationId;
        String password = secrets.get(t.s().service().serviceId(), secret).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            secrets.put(t.s().service().serviceId(), secret, password);
        }
        if (t.s().api().installStatus(t.serverId()).state() != InstallStatus.State.RUNNING) {
            t.s().api().startReinstallation(t.serverId(), profileId, t.s().service().hostname(), password);
        }
        saveLifecycle(t, seenRunningNow(t, t.state().withReinstall(operationId, clock.instant())));
        customerMail(t, MailTemplate.REINSTALL_STARTED, "reinstall-started#" + operationId,
                Map.of(MailVariables.OS, osName(t)));
        return new StepOutcome.Next("await-reinstall", "reinstalling " + osName(t));
    }

    private StepOutcome awaitReinstall(Step t) {
        InstallStatus status = t.s().api().installStatus(t.serverId());
        String operationId = t.operation().operationId();
        if (finished(t, status, t.state().reinstallStartedAt())) {
            String serviceId = t.s().service().serviceId();
            String password = secrets.get(serviceId, ROOT_PASSWORD_OF_REINSTALL + operationId).orElseThrow(
                    () -> new IllegalStateException("root password of reinstall " + operationId + " is missing"));
            secrets.put(serviceId, TenantOsProvisioning.ROOT_PASSWORD, password);
            customerMail(t, MailTemplate.REINSTALL_FINISHED, "reinstall-finished#" + operationId,
                    Map.of(MailVariables.OS, osName(t), MailVariables.ROOT_PASSWORD, password));
            return new StepOutcome.Done("server " + t.serverId() + " reinstalled with " + osName(t));
        }
        if (status.state() == InstallStatus.State.FAILED && believable(t, t.state().reinstallStartedAt())) {
            return new StepOutcome.Fail("reinstallation of server " + t.serverId() + " failed: " + status.message());
        }
        Instant deadline = t.state().reinstallStartedAt().plus(t.s().settings().installDeadline());
        if (clock.instant().isAfter(deadline)) {
            return new StepOutcome.Fail("reinstallation of server " + t.serverId() + " did not finish within "
                    + t.s().settings().installDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(t.s().settings().pollInterval(), "reinstalling " + osName(t) + ": "
                + status.progressPercent() + "%");
    }

    /**
     * Whether the wipe or reinstall started at {@code startedAt} has ended. TenantOS's install status is per server,
     * not per job: right after a start it may still report the job before. So "finished" counts once this job was
     * seen running, or, if it never was, once {@link #UNSEEN_JOB_GRACE} has passed since it was started.
     */
    private boolean finished(Step t, InstallStatus status, Instant startedAt) {
        if (status.state() == InstallStatus.State.RUNNING) {
            if (!t.state().jobSeenRunning()) {
                saveLifecycle(t, t.state().withJobSeenRunning());
            }
            return false;
        }
        boolean ended = status.state() == InstallStatus.State.FINISHED
                || (status.state() == InstallStatus.State.NOT_RUNNING && !t.s().api().server(t.serverId()).busy());
        return ended && believable(t, startedAt);
    }

    /** Reads the install status right after a start: a job already running is certainly this one. */
    private TenantOsLifecycleState seenRunningNow(Step t, TenantOsLifecycleState started) {
        return t.s().api().installStatus(t.serverId()).state() == InstallStatus.State.RUNNING
                ? started.withJobSeenRunning() : started;
    }

    /** An ended status is this job's once it was seen running, or the grace since its start has passed. */
    private boolean believable(Step t, Instant startedAt) {
        return t.state().jobSeenRunning() || !clock.instant().isBefore(startedAt.plus(UNSEEN_JOB_GRACE));
    }

    private static String osName(Step t) {
        return t.operation().parameters().getOrDefault(RequestOperation.OS_NAME, t.s().service().osName());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void customerMail(Step t, MailTemplate template, String event, Map<String, String> extra) {
        Map<String, String> v = TenantOsProvisioning.customerVariables(t.s());
        v.putAll(extra);
        mail.enqueue(new MailRequest(t.s().service().serviceId(), event, template,
                List.of(t.s().service().customerEmail()), v));
    }

    private void saveLifecycle(Step t, TenantOsLifecycleState state) {
        states.save(t.s().service().serviceId(), TenantOsLifecycleState.MODULE_STATE, state.toMap());
    }
}
