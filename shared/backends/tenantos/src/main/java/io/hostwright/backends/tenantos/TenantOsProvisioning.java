package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.backend.ModuleState;
import io.hostwright.domain.provisioning.ProvisioningModule;
import io.hostwright.domain.backend.ServerClaims;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.service.Service;

import java.time.Clock;
import java.time.Duration;
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

    public static final String MODULE = "tenantos";
    public static final String ROOT_PASSWORD = "root-password";
    static final List<String> STEPS = List.of(
            "create-user", "claim-server", "assign-server", "set-ips", "start-install", "await-install");

    private final CatalogRepository products;
    private final TenantOsCatalog catalog;
    private final TenantOsApis apis;
    private final ServerClaims claims;
    private final ModuleState states;
    private final ServiceSecrets secrets;
    private final MailQueue mail;
    private final Backoff backoff;
    private final Clock clock;

    public TenantOsProvisioning(CatalogRepository products, TenantOsCatalog catalog, TenantOsApis apis,
                                ServerClaims claims, ModuleState states, ServiceSecrets secrets, MailQueue mail,
                                Backoff backoff, Clock clock) {
        this.products = products;
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
        return MODULE;
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public StepOutcome run(String step, Service service, int attempt) {
        try {
            TenantOsContext s = TenantOsContext.resolve(service, products, catalog, apis, states);
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
        } catch (TenantOsFailure failure) {
            return TenantOsOutcomes.of(failure, step, attempt, backoff);
        }
    }

    private StepOutcome createUser(TenantOsContext s) {
        if (s.state().userId() != null) {
            return new StepOutcome.Next("claim-server", "TenantOS user " + s.state().userId());
        }
        String email = s.service().customerEmail();
        TenantOsUser user = s.api().findUserByEmail(email).orElse(null);
        String detail = "existing TenantOS user " + (user == null ? "" : user.id());
        if (user == null) {
            String name = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            user = s.api().createUser(name, email, email, RootPasswords.generate(), s.settings().roleId());
            detail = "TenantOS user " + user.id() + " created";
        }
        save(s, s.state().withUser(user.id()));
        return new StepOutcome.Next("claim-server", detail);
    }

    private StepOutcome claimServer(TenantOsContext s) {
        if (s.state().serverId() != null) {
            return new StepOutcome.Next("assign-server", "server " + s.state().serverId() + " claimed");
        }
        List<TenantOsServer> candidates = startingAtOwnPlace(s, s.api().serversByTags(s.settings().matchTags()).stream()
                .filter(server -> server.tags().stream().noneMatch(s.settings().excludeTags()::contains))
                .filter(server -> s.unowned(server) && !server.busy())
                .sorted(Comparator.comparingLong(TenantOsServer::id))
                .toList());
        for (TenantOsServer candidate : candidates) {
            String serverId = Long.toString(candidate.id());
            if (!claims.claim(s.connection().connectionId(), serverId, s.service().serviceId())) {
                continue; // another service has it
            }
            TenantOsServer fresh = s.api().server(candidate.id());
            if ((!s.unowned(fresh) && fresh.ownerUserId() != s.state().userId()) || fresh.busy()) {
                claims.release(s.connection().connectionId(), serverId, s.service().serviceId());
                continue; // taken upstream by hand meanwhile
            }
            save(s, s.state().withServer(candidate.id()).waitingForStock(null, s.state().staffToldNoStock()));
            return new StepOutcome.Next("assign-server", "server " + candidate.id() + " claimed");
        }
        Instant now = clock.instant();
        Instant since = s.state().stockWaitSince() == null ? now : s.state().stockWaitSince();
        String wanted = "no free server tagged " + s.settings().matchTags();
        if (now.isAfter(since.plus(s.settings().stockDeadline()))) {
            return new StepOutcome.Fail(wanted + " within " + s.settings().stockDeadline().toMinutes() + " minutes");
        }
        if (!s.state().staffToldNoStock()) {
            mail.enqueue(new MailRequest(s.service().serviceId(), "waiting-for-stock", MailTemplate.STAFF_WAITING_FOR_STOCK,
                    List.of(s.department()), staffVariables(s, "claim-server", wanted + "; the order waits for stock until "
                            + since.plus(s.settings().stockDeadline()))));
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
        int wanted = s.service().ipv4();
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
                    } catch (TenantOsFailure.Permanent taken) {
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
        Long profileId = s.settings().osProfiles().get(s.service().osTemplateId());
        if (profileId == null) {
            return new StepOutcome.Fail("OS template " + s.service().osTemplateId() + " has no TenantOS profile");
        }
        boolean offered = s.api().provisioningProfiles(serverId).stream().anyMatch(p -> p.id() == profileId);
        if (!offered) {
            return new StepOutcome.Fail("OS template " + s.service().osTemplateId() + " (TenantOS profile " + profileId
                    + ") is no longer offered by TenantOS for server " + serverId);
        }
        String password = secrets.get(s.service().serviceId(), ROOT_PASSWORD).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            secrets.put(s.service().serviceId(), ROOT_PASSWORD, password);
        }
        // an earlier attempt may have started it and lost the answer
        if (s.api().installStatus(serverId).state() != InstallStatus.State.RUNNING) {
            s.api().startReinstallation(serverId, profileId, s.service().hostname(), password);
        }
        save(s, s.state().withInstall(profileId, clock.instant()));
        Map<String, String> v = customerVariables(s);
        mail.enqueue(MailRequest.once(s.service().serviceId(), MailTemplate.SERVER_PROVISIONING,
                s.service().customerEmail(), v));
        return new StepOutcome.Next("await-install", "installing " + s.service().osName());
    }

    private StepOutcome awaitInstall(TenantOsContext s) {
        long serverId = s.state().serverId();
        InstallStatus status = s.api().installStatus(serverId);
        boolean finished = status.state() == InstallStatus.State.FINISHED
                || (status.state() == InstallStatus.State.NOT_RUNNING && !s.api().server(serverId).busy());
        if (finished) {
            Map<String, String> v = customerVariables(s);
            v.put("rootPassword", secrets.get(s.service().serviceId(), ROOT_PASSWORD).orElseThrow(
                    () -> new IllegalStateException("root password of " + s.service().serviceId() + " is missing")));
            mail.enqueue(MailRequest.once(s.service().serviceId(), MailTemplate.ACCOUNT_CREATED,
                    s.service().customerEmail(), v));
            mail.enqueue(MailRequest.once(s.service().serviceId(), MailTemplate.SERVER_READY,
                    s.service().customerEmail(), v));
            return new StepOutcome.Done("server " + serverId + " ready with " + s.service().osName());
        }
        if (status.state() == InstallStatus.State.FAILED) {
            return new StepOutcome.Fail("OS installation failed on server " + serverId + ": " + status.message());
        }
        Instant deadline = s.state().installStartedAt().plus(s.settings().installDeadline());
        if (clock.instant().isAfter(deadline)) {
            return new StepOutcome.Fail("OS installation on server " + serverId + " did not finish within "
                    + s.settings().installDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(s.settings().pollInterval(), "installing " + s.service().osName() + ": "
                + status.progressPercent() + "%");
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

    private void save(TenantOsContext s, TenantOsServiceState state) {
        states.save(s.service().serviceId(), MODULE, state.toMap());
    }

    static Map<String, String> customerVariables(TenantOsContext s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("productName", s.service().productName());
        v.put("hostname", s.service().hostname());
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
        v.put("hostname", s.service().hostname());
        v.put("orderId", String.valueOf(s.service().orderId()));
        return v;
    }

}
