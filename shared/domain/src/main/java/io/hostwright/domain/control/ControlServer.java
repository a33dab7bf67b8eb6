package io.hostwright.domain.control;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.ids.IdGenerator;
import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionAnswers;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.ActionLocks;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.order.HostnameRule;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Use case: a customer's client functions on their own server (seed 000, "Client Functions"): server info, power,
 * IP list and reverse DNS, console link, rescue system, usage graphs. Another customer's service is 404. Actions
 * need the service {@code ACTIVE}; info and usage are readable while it is suspended too. Every action carries an
 * {@code Idempotency-Key} (a retry is not acted on again, it answers the current state) and holds the service's
 * action lock while it runs, so it is refused with 409 while another action (a reinstall, another power command)
 * is running on the same server.
 */
public final class ControlServer {

    public static final Duration ACTION_LEASE = Duration.ofMinutes(2);
    public static final Duration CONSOLE_VALIDITY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_USAGE_RANGE = Duration.ofHours(24);
    private static final Set<ServiceStatus> READABLE = EnumSet.of(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED);
    private static final Set<ServiceStatus> ACTIONABLE = EnumSet.of(ServiceStatus.ACTIVE);

    private final ServiceRepository services;
    private final BackendRegistry backends;
    private final ActionLocks locks;
    private final ActionAnswers answers;
    private final IdGenerator ids;
    private final Clock clock;
    private final Supplier<String> rescuePasswords;

    public ControlServer(ServiceRepository services, BackendRegistry backends, ActionLocks locks,
                         ActionAnswers answers, IdGenerator ids, Clock clock, Supplier<String> rescuePasswords) {
        this.backends = backends;
        this.services = services;
        this.locks = locks;
        this.answers = answers;
        this.ids = ids;
        this.clock = clock;
        this.rescuePasswords = rescuePasswords;
    }

    public ServerInfo info(Caller caller, String serviceId) {
        Service service = own(caller, serviceId, READABLE, "read");
        return control(service).info(service);
    }

    public List<IpAddress> ips(Caller caller, String serviceId) {
        Service service = own(caller, serviceId, READABLE, "read");
        return control(service).ips(service);
    }

    /**
     * Bandwidth between {@code from} and {@code to} (defaults: the last 24 hours up to now), at {@code resolution}
     * (default: the finest whose range limit allows the range).
     */
    public UsageSeries usage(Caller caller, String serviceId, Instant from, Instant to, String resolution) {
        // no traffic was counted before 1970; and the default range reaches back a day from the end, which must exist
        if (from != null && from.isBefore(Instant.EPOCH)) {
            throw InvalidRequest.of("from", "must not be before 1970-01-01T00:00:00Z");
        }
        if (to != null && to.isBefore(Instant.EPOCH)) {
            throw InvalidRequest.of("to", "must not be before 1970-01-01T00:00:00Z");
        }
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_USAGE_RANGE) : from;
        if (!start.isBefore(end)) {
            throw InvalidRequest.of("from", "must be before to");
        }
        if (start.isAfter(now)) {
            throw InvalidRequest.of("from", "must not be in the future");
        }
        Duration range = Duration.between(start, end);
        UsageResolution chosen = resolution == null ? UsageResolution.fitting(range)
                : UsageResolution.of(resolution).orElseThrow(() -> InvalidRequest.of("resolution",
                "must be one of 5min, hourly, daily"));
        if (range.compareTo(chosen.maxRange()) > 0) {
            throw InvalidRequest.of("to", "a " + chosen.label() + " graph covers at most "
                    + chosen.maxRange().toDays() + " days; narrow from..to or choose a coarser resolution");
        }
        Service service = own(caller, serviceId, READABLE, "read");
        return control(service).usage(service, start, end.isAfter(now) ? now : end, chosen);
    }

    public Acted<String> power(Caller caller, String serviceId, String command, String key) {
        PowerCommand power = command == null ? null : switch (command.toLowerCase(Locale.ROOT)) {
            case "on" -> PowerCommand.ON;
            case "off" -> PowerCommand.OFF;
            case "reset" -> PowerCommand.RESET;
            default -> null;
        };
        if (power == null) {
            throw InvalidRequest.of("action", "must be one of on, off, reset");
        }
        return act(caller, serviceId, key, "power " + power.label(), List.of(power.name()),
                (control, service) -> control.power(service, power),
                (control, service) -> control.info(service).power());
    }

    public Acted<IpAddress> setReverseDns(Caller caller, String serviceId, String ip, String hostname, String key) {
        if (!IpAddress.isLiteral(ip)) {
            // before the action lock and the back-end: only one of the server's addresses can be set
            throw InvalidRequest.of("ip", "must be an IPv4 or IPv6 address, e.g. 203.0.113.10");
        }
        if (hostname == null || hostname.isBlank()) {
            throw InvalidRequest.of("hostname", "is required: the name the address should resolve back to");
        }
        String name = hostname.trim().toLowerCase(Locale.ROOT);
        HostnameRule.problem(name).ifPresent(problem -> {
            throw InvalidRequest.of("hostname", problem);
        });
        return act(caller, serviceId, key, "reverse DNS of " + ip, List.of(String.valueOf(ip), name),
                (control, service) -> control.setReverseDns(service, ip, name),
                (control, service) -> control.ips(service).stream().filter(a -> a.ip().equals(ip)).findFirst()
                        .orElseThrow(() -> new NotFound("IP address", ip)));
    }

    public Acted<ConsoleLink> console(Caller caller, String serviceId, String key) {
        // a console link changes nothing: a retry simply gets a fresh one
        return act(caller, serviceId, key, "console", List.of(),
                (control, service) -> control.console(service, CONSOLE_VALIDITY),
                (control, service) -> control.console(service, CONSOLE_VALIDITY));
    }

    /** Starts ({@code start}) or leaves the rescue system; the start's answer carries its root password once. */
    public Acted<RescueAccess> rescue(Caller caller, String serviceId, boolean start, String key) {
        return act(caller, serviceId, key, start ? "rescue start" : "rescue stop", List.of(Boolean.toString(start)),
                (control, service) -> start ? control.startRescue(service, rescuePasswords.get())
                        : control.stopRescue(service),
                (control, service) -> new RescueAccess(control.info(service).rescue(), null));
    }

    private interface Action<T> {
        T apply(ServerControl control, Service service);
    }

    private <T> Acted<T> act(Caller caller, String serviceId, String key, String what, List<String> parameters,
                             Action<T> action, Action<T> currentState) {
        IdempotencyKeys.check(key, true, "action");
        String fingerprint = IdempotencyKeys.fingerprint(what, serviceId, String.join("\u001e", parameters));
        Optional<ActionAnswer> earlier = answers.find(caller.keyScope(), key);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(IdempotencyKeys.HEADER, IdempotencyKeys.HEADER
                        + " was already used for a different request; use a new key for a new request");
            }
            // a replay is still an action (a console replay makes a new link): the service must still allow them
            Service service = own(caller, serviceId, ACTIONABLE, what);
            return new Acted<>(currentState.apply(control(service), service), true);
        }
        Service service = own(caller, serviceId, ACTIONABLE, what);
        ServerControl control = control(service);
        Instant now = clock.instant();
        ActionLock lock = new ActionLock(serviceId, ids.next("act"), what, now, now.plus(ACTION_LEASE));
        locks.acquire(lock, now).ifPresent(holder -> {
            throw RequestOperation.busy(serviceId, holder, now);
        });
        try {
            T result = action.apply(control, service);
            answers.keep(new ActionAnswer(caller.keyScope(), key, fingerprint, 200, lock.holderId(), now,
                    now.plus(IdempotencyKeys.RETENTION)));
            return new Acted<>(result, false);
        } finally {
            locks.release(serviceId, lock.holderId());
        }
    }

    private Service own(Caller caller, String serviceId, Set<ServiceStatus> allowed, String what) {
        Service service = services.findService(serviceId)
                .filter(s -> caller.staff() || s.customerId().equals(caller.customerId()))
                .orElseThrow(() -> new NotFound("service", serviceId));
        if (!allowed.contains(service.status())) {
            throw new Conflict("status", "service " + serviceId + " is " + service.status() + "; " + what
                    + " needs it to be " + String.join(" or ", allowed.stream().map(Enum::name).sorted().toList()));
        }
        return service;
    }

    private ServerControl control(Service service) {
        return backends.serverControlFor(service.backend());
    }
}
