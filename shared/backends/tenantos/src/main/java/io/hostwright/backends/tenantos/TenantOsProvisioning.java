package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendOutcomes;
import io.hostwright.domain.backend.RootPasswords;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.provisioning.ProvisioningModule;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dedicated servers on TenantOS (HostBill's module, seed 000): create the customer's user, claim a free server by
 * tags, set owner, hostname and tags, set the IPv4 count, start the OS installation, wait for it. Every step reads
 * TenantOS first and changes only what is not yet as wanted, so running it twice is harmless.
 */
public final class TenantOsProvisioning implements ProvisioningModule {

    public static final String ROOT_PASSWORD = "root-password";
    static final List<String> STEPS = List.of(
            "create-user", "claim-server", "assign-server", "set-ips", "start-install", "await-install");

    private final BackendContext context;
    private final TenantOsApis apis;

    TenantOsProvisioning(BackendContext context, TenantOsApis apis) {
        this.context = context;
        this.apis = apis;
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public StepOutcome run(String step, Service service, int attempt) {
        try {
            TenantOsContext s = TenantOsContext.resolve(service, context.connections(), apis, context.states());
            return switch (step) {
                case "create-user" -> createUser(s);
                case "claim-server" -> claimServer(s);
                case "assign-server" -> assignServer(s);
                case "set-ips" -> setIps(s);
                case "start-install" -> startInstall(s);
                case "await-install" -> awaitInstall(s);
                default -> new StepOutcome.Fail("unknown TenantOS step " + step);
            };
        } catch (TenantOsContext.Unresolvable unresolvable) {
            return new StepOutcome.Fail(unresolvable.getMessage());
        } catch (BackendFailure failure) {
            return BackendOutcomes.of(failure, TenantOsBackend.DISPLAY_NAME, step, attempt, context.backoff());
        }
    }

    private StepOutcome createUser(TenantOsContext s) {
        if (s.state().userId() != null) {
            return new StepOutcome.Next("claim-server", "TenantOS user " + s.state().userId());
        }
        String email = s.service().customerEmail();
        TenantOsUser user = s.api().findUserByEmail(email).orElse(null);
        String detail = "existing TenantOS user " + (user == null ? "" : user.id());
        // an earlier attempt that lost the answer to its create noted it was creating: the user is this order's
        boolean created = s.state().userCreated();
        if (user == null) {
            save(s, s.state().creatingUser());
            String name = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            user = s.api().createUser(name, email, email, RootPasswords.generate(), s.settings().roleId());
            detail = "TenantOS user " + user.id() + " created";
            created = true;
        }
        save(s, s.state().withUser(user.id(), created));
        return new StepOutcome.Next("claim-server", detail);
    }

    private StepOutcome claimServer(TenantOsContext s) {
        if (s.state().serverId() != null) {
            return new StepOutcome.Next("assign-server", "server " + s.state().serverId() + " claimed");
        }
        String connectionId = s.connection().connectionId();
        String serviceId = s.service().serviceId();
        TenantOsContext current = s;
        // a delivery that crashed between its claim and recording it left the server it was claiming noted here
        Long unfinished = current.state().claimingServerId();
        if (unfinished != null) {
            if (claimIfStillFree(current, unfinished)) {
                return claimed(current, unfinished);
            }
            context.claims().release(connectionId, Long.toString(unfinished), serviceId);
            current = current.withState(save(current, current.state().claiming(null)));
        }
        List<TenantOsServer> candidates = startingAtOwnPlace(s, FreeServers.of(s.api(), s.settings(), s.connection()));
        for (TenantOsServer candidate : candidates) {
            // noted before the claim, so a crash right after it leaves a trail to the claimed server
            current = current.withState(save(current, current.state().claiming(candidate.id())));
            if (claimIfStillFree(current, candidate.id())) {
                return claimed(current, candidate.id());
            }
            context.claims().release(connectionId, Long.toString(candidate.id()), serviceId);
        }
        if (current.state().claimingServerId() != null) {
            current = current.withState(save(current, current.state().claiming(null)));
        }
        return noStock(current);
    }

    /** Claims the server for this service (or finds it already ours), then checks it is still free upstream. */
    private boolean claimIfStillFree(TenantOsContext s, long serverId) {
        if (!context.claims().claim(s.connection().connectionId(), Long.toString(serverId), s.service().serviceId())) {
            return false; // another service has it
        }
        TenantOsServer fresh = s.api().server(serverId);
        // taken upstream by hand meanwhile, or being reinstalled or wiped
        return (s.unowned(fresh) || fresh.ownerUserId() == s.state().userId()) && !fresh.busy();
    }

    private StepOutcome claimed(TenantOsContext s, long serverId) {
        save(s, s.state().withServer(serverId));
        return new StepOutcome.Next("assign-server", "server " + serverId + " claimed");
    }

    private StepOutcome noStock(TenantOsContext s) {
        Instant now = clock().instant();
        Instant since = s.state().stockWaitSince() == null ? now : s.state().stockWaitSince();
        String wanted = "no free server tagged " + s.settings().matchTags();
        if (now.isAfter(since.plus(s.settings().stockDeadline()))) {
            // the order ends here: a user created for it and used by nothing else goes again
            String user = "";
            if (s.state().userCreated() && s.state().userId() != null) {
                user = "; " + TenantOsUsers.removeIfUnused(s, s.state().userId(), context.services());
                if (user.endsWith("removed")) {
                    save(s, s.state().withoutUser());
                }
            }
            return new StepOutcome.Fail(wanted + " within " + s.settings().stockDeadline().toMinutes() + " minutes"
                    + user);
        }
        if (!s.state().staffToldNoStock()) {
            mail().enqueue(new MailRequest(s.service().serviceId(), "waiting-for-stock", MailTemplate.STAFF_WAITING_FOR_STOCK,
                    List.of(s.department()), staffVariables(s, "claim-server", wanted + "; the order waits for stock until "
                            + MailDates.dateTime(since.plus(s.settings().stockDeadline())))));
        }
        save(s, s.state().waitingForStock(since, true));
        return new StepOutcome.Wait(s.settings().stockRetry(), "waiting for stock: " + wanted);
    }

    private StepOutcome assignServer(TenantOsContext s) {
        TenantOsServer server = s.api().server(s.state().serverId());
        if (!s.unowned(server) && server.ownerUserId() != s.state().userId()) {
            return new StepOutcome.Fail("server " + server.id() + " was given to TenantOS user " + server.ownerUserId()
                    + " by hand; staff must pick another");
        }
        Set<String> tags = new LinkedHashSet<>(server.tags());
        tags.removeAll(s.connection().tagsToRemoveAfterProvisioning());
        tags.addAll(s.connection().tagsToAddAfterProvisioning());
        List<String> wanted = List.copyOf(tags);
        boolean done = server.ownerUserId() == s.state().userId()
                && s.service().hostname().equalsIgnoreCase(server.hostname())
                && new LinkedHashSet<>(server.tags()).equals(tags);
        if (!done) {
            s.api().updateServer(server.id(), s.state().userId(), s.service().hostname(), wanted);
        }
        return new StepOutcome.Next("set-ips", "server " + server.id() + " assigned as " + s.service().hostname());
    }

    private StepOutcome setIps(TenantOsContext s) {
        long serverId = s.state().serverId();
        List<IpAssignment> ipv4 = s.api().ipAssignments(serverId).stream().filter(IpAssignment::ipv4).toList();
        int wanted = Integer.parseInt(s.service().sold().option(TenantOsBackend.IPV4_OPTION).orElse("1"));
        if (ipv4.size() > wanted) {
            List<IpAssignment> extras = ipv4.stream().filter(a -> !a.primary())
                    .sorted(Comparator.comparingLong(IpAssignment::id).reversed())
                    .limit(ipv4.size() - wanted).toList();
            for (IpAssignment extra : extras) {
                s.api().removeIpAssignment(serverId, extra.id());
            }
        } else if (ipv4.size() < wanted) {
            int missing = wanted - ipv4.size();
            for (Subnet subnet : s.api().assignableSubnets(serverId)) {
                if (!subnet.ipv4() || missing == 0) {
                    continue;
                }
                for (String ip : startingAtOwnPlace(s, s.api().assignableIps(serverId, subnet.id()))) {
                    if (missing == 0) {
                        break;
                    }
                    try {
                        s.api().addIpAssignment(serverId, subnet.id(), ip);
                        missing--;
                    } catch (BackendFailure.Permanent taken) {
                        if (taken.status() != 409) {
                            throw taken;
                        }
                        // another service's step took this free address a moment ago: try the next one
                    }
                }
            }
            if (missing > 0) {
                return new StepOutcome.Fail("TenantOS has " + missing + " IPv4 address(es) too few to assign to server "
                        + serverId);
            }
        }
        List<IpAssignment> now = s.api().ipAssignments(serverId).stream().filter(IpAssignment::ipv4).toList();
        String main = now.stream().filter(IpAssignment::primary).map(IpAssignment::ip).findFirst()
                .orElse(now.isEmpty() ? null : now.get(0).ip());
        List<String> additional = now.stream().map(IpAssignment::ip).filter(ip -> !ip.equals(main)).toList();
        save(s, s.state().withIps(main, additional));
        return new StepOutcome.Next("start-install", now.size() + " IPv4 address(es), main " + main);
    }

    private StepOutcome startInstall(TenantOsContext s) {
        if (s.state().installStartedAt() != null) {
            return new StepOutcome.Next("await-install", "installation started " + s.state().installStartedAt());
        }
        long serverId = s.state().serverId();
        TenantOsProfiles.Lookup profile = TenantOsProfiles.of(context.templates(), s.connection().connectionId(),
                s.service().osTemplateId());
        if (profile.profileId() == null) {
            return new StepOutcome.Fail(profile.problem());
        }
        long profileId = profile.profileId();
        boolean offered = s.api().provisioningProfiles(serverId).stream().anyMatch(p -> p.id() == profileId);
        if (!offered) {
            return new StepOutcome.Fail("OS template " + s.service().osTemplateId() + " (TenantOS profile " + profileId
                    + ") is no longer offered by TenantOS for server " + serverId);
        }
        String password = secrets().get(s.service().serviceId(), ROOT_PASSWORD).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            secrets().put(s.service().serviceId(), ROOT_PASSWORD, password);
        }
        // an earlier attempt may have started it and lost the answer
        if (!InstallJobWatch.jobRunning(s.api(), serverId)) {
            s.api().startReinstallation(serverId, profileId, s.service().hostname(), password);
        }
        save(s, s.state().withInstall(profileId, clock().instant(), InstallJobWatch.runningNow(s.api(), serverId)));
        Map<String, String> v = customerVariables(s);
        mail().enqueue(MailRequest.once(s.service().serviceId(), MailTemplate.SERVER_PROVISIONING,
                s.service().customerEmail(), v));
        return new StepOutcome.Next("await-install", "installing " + s.service().osName());
    }

    private StepOutcome awaitInstall(TenantOsContext s) {
        long serverId = s.state().serverId();
        InstallJobWatch.Reading reading = InstallJobWatch.read(s.api(), serverId, s.state().installStartedAt(),
                s.state().installSeenRunning(), clock().instant());
        if (reading.seenRunning() && !s.state().installSeenRunning()) {
            save(s, s.state().withInstallSeenRunning());
        }
        switch (reading.verdict()) {
            case FINISHED -> {
                if (secrets().get(s.service().serviceId(), ROOT_PASSWORD).isEmpty()) {
                    throw new IllegalStateException("root password of " + s.service().serviceId() + " is missing");
                }
                // one mail carries the access details, as on every back-end (the TenantOS user's own password is
                // never used: the customer reaches the panel through single sign-on). The mailer reads the password
                // from the credentials table: it never travels on the queue
                Map<String, String> v = customerVariables(s);
                return new StepOutcome.Done("server " + serverId + " ready with " + s.service().osName(),
                        s.state().mainIp(), List.of(
                        MailRequest.once(s.service().serviceId(), MailTemplate.SERVER_READY,
                                s.service().customerEmail(), v).withSecret(MailVariables.ROOT_PASSWORD, ROOT_PASSWORD)));
            }
            case FAILED -> {
                return new StepOutcome.Fail("OS installation failed on server " + serverId + ": "
                        + reading.status().message());
            }
            case WAITING -> {
            }
        }
        Instant deadline = s.state().installStartedAt().plus(s.settings().installDeadline());
        if (clock().instant().isAfter(deadline)) {
            return new StepOutcome.Fail("OS installation on server " + serverId + " did not finish within "
                    + s.settings().installDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(s.settings().pollInterval(), "installing " + s.service().osName() + ": "
                + reading.status().progressPercent() + "%");
    }

    /**
     * The list rotated to start at a place fixed by the service, so concurrent orders spread over stock and free
     * addresses instead of all contending for the first one.
     */
    static <T> List<T> startingAtOwnPlace(TenantOsContext s, List<T> list) {
        List<T> rotated = new ArrayList<>(list);
        Collections.rotate(rotated, Math.floorMod(s.service().serviceId().hashCode(), Math.max(1, rotated.size())));
        return rotated;
    }

    private TenantOsServiceState save(TenantOsContext s, TenantOsServiceState state) {
        context.states().save(s.service().serviceId(), TenantOsBackend.NAME, state.toMap());
        return state;
    }

    private Clock clock() {
        return context.clock();
    }

    private MailQueue mail() {
        return context.mail();
    }

    private ServiceSecrets secrets() {
        return context.secrets();
    }

    static Map<String, String> customerVariables(TenantOsContext s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("productName", s.service().productName());
        v.put("hostname", s.service().label());
        v.put("os", s.service().osName());
        v.put("mainIp", s.state().mainIp() == null ? "" : s.state().mainIp());
        v.put("additionalIps", s.state().additionalIps().isEmpty() ? "none" : String.join(", ", s.state().additionalIps()));
        return v;
    }

    private static Map<String, String> staffVariables(TenantOsContext s, String step, String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("step", step);
        v.put("reason", reason);
        v.put("department", s.department());
        v.put("productName", s.service().productName());
        v.put("hostname", s.service().label());
        v.put("orderId", String.valueOf(s.service().orderId()));
        return v;
    }

}
