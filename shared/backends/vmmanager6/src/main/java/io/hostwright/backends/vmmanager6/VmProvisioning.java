package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendOutcomes;
import io.hostwright.domain.backend.RootPasswords;
import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.provisioning.ProvisioningModule;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.step.StepOutcome;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VPS on VMmanager 6 (ISPsystem's own module, seeds 001 and 004): ensure the customer's account (by e-mail; a
 * generated address in reseller setups), create the host, wait for its task, read its IPs. Creating a host is not
 * idempotent upstream, so the host carries the service id in its comment and is looked for before any create: a
 * crash after the create and before it was recorded never makes a second VM.
 */
final class VmProvisioning implements ProvisioningModule {

    static final String ROOT_PASSWORD = "root-password";
    static final List<String> STEPS = List.of("ensure-account", "create-host", "await-host");

    private final BackendContext context;
    private final VmManagerApis apis;

    VmProvisioning(BackendContext context, VmManagerApis apis) {
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
            VmContext s = VmContext.resolve(service, context, apis);
            return switch (step) {
                case "ensure-account" -> ensureAccount(s);
                case "create-host" -> createHost(s);
                case "await-host" -> awaitHost(s);
                default -> new StepOutcome.Fail("unknown VMmanager step " + step);
            };
        } catch (VmContext.Unresolvable unresolvable) {
            return new StepOutcome.Fail(unresolvable.getMessage());
        } catch (BackendFailure failure) {
            return BackendOutcomes.of(failure, VmManagerBackend.DISPLAY_NAME, step, attempt, context.backoff());
        }
    }

    private StepOutcome ensureAccount(VmContext s) {
        if (s.state().accountId() != null) {
            return new StepOutcome.Next("create-host", "VMmanager account " + s.state().accountId());
        }
        String email = s.accountEmail();
        Optional<VmAccount> found = s.api().findAccountByEmail(email);
        if (found.isPresent()) {
            save(s, s.state().withAccount(found.get().id(), false));
            return new StepOutcome.Next("create-host", "existing VMmanager account " + found.get().id());
        }
        long id;
        try {
            // the customer never logs in with this password: the panel is reached through single sign-on
            id = s.api().createAccount(email, RootPasswords.generate());
        } catch (BackendFailure failure) {
            // an earlier attempt created it and lost the answer
            Optional<VmAccount> again = failure instanceof BackendFailure.Permanent
                    ? s.api().findAccountByEmail(email) : Optional.empty();
            if (again.isEmpty()) {
                throw failure;
            }
            id = again.get().id();
        }
        save(s, s.state().withAccount(id, true));
        return new StepOutcome.Next("create-host", "VMmanager account " + id + " created");
    }

    private StepOutcome createHost(VmContext s) {
        if (s.state().hostId() != null) {
            return new StepOutcome.Next("await-host", "host " + s.state().hostId());
        }
        String serviceId = s.service().serviceId();
        List<VmHost> ours = s.api().hostsWithComment(serviceId);
        if (!ours.isEmpty()) {
            // created before a crash, or by a delivery whose answer was lost: adopt it, never create a second
            VmHost host = ours.getFirst();
            save(s, s.state().withHost(host.id(), null, now()));
            return new StepOutcome.Next("await-host", "host " + host.id() + " found (created earlier)");
        }
        VmOsLookup.Lookup os = VmOsLookup.of(context.templates(), s.connection().connectionId(),
                s.service().osTemplateId());
        if (os.osId() == null) {
            return new StepOutcome.Fail(os.problem());
        }
        String password = context.secrets().get(serviceId, ROOT_PASSWORD).orElse(null);
        if (password == null) {
            password = RootPasswords.generate();
            context.secrets().put(serviceId, ROOT_PASSWORD, password);
        }
        VmProductSettings p = s.settings();
        int ipv4 = Integer.parseInt(s.service().sold().option(VmManagerBackend.IPV4_OPTION).orElse("1"));
        VmHostRequest request = new VmHostRequest(hostName(s.service()), password, p.clusterId(), os.osId(),
                p.presetId(), p.cpuNumber(), p.ramMib(), p.diskMib(), s.state().accountId(), ipv4, p.ipv4Pools(),
                p.ipv6(), p.bandwidthMbit(), serviceId, s.service().hostname());
        VmTaskRef created;
        try {
            created = s.api().createHost(request);
        } catch (BackendFailure failure) {
            int code = VmError.of(failure);
            if (code == VmError.POOL_EXHAUSTED || code == VmError.CLUSTER_FULL) {
                return waitForRoom(s, code == VmError.POOL_EXHAUSTED ? "no free IPv4 address in the pools"
                        : "the cluster has no room for another VPS");
            }
            throw failure;
        }
        VmContext creating = s.withState(save(s, s.state().withHost(created.hostId(), created.consulId(), now())));
        withAddresses(creating);
        return new StepOutcome.Next("await-host", "host " + created.hostId() + " being created");
    }

    /** Waits for addresses or room, visibly: staff are told once, the order fails at the product's deadline. */
    private StepOutcome waitForRoom(VmContext s, String why) {
        Instant now = now();
        Instant since = s.state().waitingSince() == null ? now : s.state().waitingSince();
        if (now.isAfter(since.plus(s.settings().poolDeadline()))) {
            return new StepOutcome.Fail(why + " for " + s.settings().poolDeadline().toHours() + " hours");
        }
        if (!s.state().staffToldWaiting()) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("step", "create-host");
            v.put("reason", why + "; the order waits until "
                    + MailDates.dateTime(since.plus(s.settings().poolDeadline())));
            v.put("department", s.department());
            v.put("productName", s.service().productName());
            v.put("hostname", s.service().label());
            v.put("orderId", String.valueOf(s.service().orderId()));
            context.mail().enqueue(new MailRequest(s.service().serviceId(), "waiting-for-stock",
                    MailTemplate.STAFF_WAITING_FOR_STOCK, List.of(s.department()), v));
        }
        save(s, s.state().waiting(since, true));
        return new StepOutcome.Wait(s.settings().poolRetry(), "waiting: " + why);
    }

    /**
     * The host's addresses, read once VMmanager has given them (at creation, from the pool): noted, and the
     * "server provisioning" mail sent with them (once per service, however often this runs).
     */
    private VmContext withAddresses(VmContext s) {
        if (!s.state().ips().isEmpty()) {
            return s;
        }
        List<String> ips = s.api().ipv4(s.state().hostId()).stream().map(VmIp::ip).toList();
        if (ips.isEmpty()) {
            return s;
        }
        VmContext known = s.withState(save(s, s.state().withIps(ips)));
        mail(known, MailTemplate.SERVER_PROVISIONING, false);
        return known;
    }

    private StepOutcome awaitHost(VmContext current) {
        VmContext s = withAddresses(current);
        long hostId = s.state().hostId();
        String status;
        String output = null;
        if (s.state().createTask() != null) {
            Optional<VmTask> task = s.api().task(s.state().createTask(), "host_create");
            status = task.map(VmTask::status).orElse("running");
            output = task.map(VmTask::output).orElse(null);
        } else {
            // adopted after a crash: the host's own state says how its creation went
            VmHost host = s.api().host(hostId).orElse(null);
            if (host == null) {
                save(s, s.state().withoutHost());
                return new StepOutcome.Retry(s.settings().pollInterval(), "host " + hostId
                        + " is gone from VMmanager; creating it again");
            }
            status = switch (host.state()) {
                case "failed" -> "fail";
                case "creating" -> "running";
                default -> "complete";
            };
        }
        boolean early = s.settings().activeBeforeInstallEnds() && !"fail".equals(status);
        if ("complete".equals(status) || early) {
            if (s.state().ips().isEmpty()) {
                return new StepOutcome.Wait(s.settings().pollInterval(), "host " + hostId + " has no IPv4 yet");
            }
            VmContext ready = s;
            if (context.secrets().get(s.service().serviceId(), ROOT_PASSWORD).isEmpty()) {
                throw new IllegalStateException("root password of " + s.service().serviceId() + " is missing");
            }
            return new StepOutcome.Done("VPS " + hostId + " ready at " + ready.state().mainIp() + " with "
                    + s.service().osName() + (early && !"complete".equals(status) ? " (OS install still running)"
                    : ""), ready.state().mainIp(), List.of(mailOf(ready, MailTemplate.SERVER_READY, true)));
        }
        if ("fail".equals(status)) {
            return new StepOutcome.Fail("VMmanager could not create host " + hostId + ": "
                    + (output == null || output.isBlank() ? "the task failed" : output));
        }
        Instant started = s.state().createdAt() == null ? now() : s.state().createdAt();
        if (now().isAfter(started.plus(s.settings().taskDeadline()))) {
            return new StepOutcome.Fail("host " + hostId + " was not created within "
                    + s.settings().taskDeadline().toMinutes() + " minutes");
        }
        return new StepOutcome.Wait(s.settings().pollInterval(), "creating host " + hostId);
    }

    /** A host name VMmanager accepts: the service's hostname, else its id. */
    static String hostName(Service service) {
        return service.hostname() == null || service.hostname().isBlank() ? service.serviceId() : service.hostname();
    }

    private void mail(VmContext s, MailTemplate template, boolean withPassword) {
        context.mail().enqueue(mailOf(s, template, withPassword));
    }

    private MailRequest mailOf(VmContext s, MailTemplate template, boolean withPassword) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("productName", s.service().productName());
        v.put("hostname", s.service().label());
        v.put("os", s.service().osName());
        v.put("mainIp", s.state().mainIp() == null ? "" : s.state().mainIp());
        v.put("additionalIps", s.state().ips().size() <= 1 ? "none"
                : String.join(", ", s.state().ips().subList(1, s.state().ips().size())));
        MailRequest mail = MailRequest.once(s.service().serviceId(), template, s.service().customerEmail(), v);
        return withPassword ? mail.withSecret(MailVariables.ROOT_PASSWORD, ROOT_PASSWORD) : mail;
    }

    private VmServiceState save(VmContext s, VmServiceState state) {
        context.states().save(s.service().serviceId(), VmManagerBackend.NAME, state.toMap());
        return state;
    }

    private Instant now() {
        return context.clock().instant();
    }
}
