package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.control.ConsoleLink;
import io.hostwright.domain.control.IpAddress;
import io.hostwright.domain.control.PowerCommand;
import io.hostwright.domain.control.RescueAccess;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.control.ServerInfo;
import io.hostwright.domain.control.UsageResolution;
import io.hostwright.domain.control.UsageSeries;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Unavailable;
import io.hostwright.domain.service.Service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customer's client functions on a VPS: its state, power (start, stop, restart as VMmanager tasks), addresses
 * and reverse DNS, a console through VMmanager's single sign-on, and traffic graphs from the host metrics. VMmanager
 * has no rescue system: asking for one is refused (409) saying so.
 */
final class VmServerControl implements ServerControl {

    private final BackendContext context;
    private final VmManagerApis apis;

    VmServerControl(BackendContext context, VmManagerApis apis) {
        this.context = context;
        this.apis = apis;
    }

    @Override
    public ServerInfo info(Service service) {
        return call(service, "read the VPS", (s, host) -> {
            List<String> ips = host.ipv4();
            boolean busy = List.of("creating", "reinstalling", "changing", "deleting").contains(host.state());
            return new ServerInfo(service.serviceId(), service.status().name(), host.name(), host.osName() == null
                    ? service.osName() : host.osName(), ips.isEmpty() ? null : ips.getFirst(),
                    ips.size() <= 1 ? List.of() : ips.subList(1, ips.size()),
                    new ServerInfo.Hardware(host.cpuNumber() + " vCPU", host.ramMib()),
                    host.power().isEmpty() ? "unknown" : host.power(), List.of(PowerCommand.values()), false, busy);
        });
    }

    @Override
    public String power(Service service, PowerCommand command) {
        return call(service, command.label() + " the VPS", (s, host) -> {
            try {
                switch (command) {
                    case ON -> s.api().start(host.id());
                    case OFF -> s.api().stop(host.id());
                    case RESET -> s.api().restart(host.id());
                }
            } catch (BackendFailure failure) {
                if (VmError.of(failure) == VmError.HOST_BUSY) {
                    throw new Conflict("service", "the VPS is busy with another task; try again in a minute");
                }
                throw failure;
            }
            // VMmanager runs it as a task: the state changes when the task ends
            return command == PowerCommand.OFF ? "off" : "on";
        });
    }

    @Override
    public List<IpAddress> ips(Service service) {
        return call(service, "list the addresses", (s, host) -> {
            List<IpAddress> ips = new ArrayList<>();
            List<VmIp> listed = s.api().ipv4(host.id());
            for (int i = 0; i < listed.size(); i++) {
                ips.add(new IpAddress(listed.get(i).ip(), i == 0, 4, listed.get(i).ptr()));
            }
            return ips;
        });
    }

    @Override
    public IpAddress setReverseDns(Service service, String ip, String hostname) {
        return call(service, "set the reverse DNS", (s, host) -> {
            List<VmIp> listed = s.api().ipv4(host.id());
            VmIp address = listed.stream().filter(a -> a.ip().equals(ip)).findFirst()
                    .orElseThrow(() -> new NotFound("IP address", ip));
            s.api().setPtr(address.id(), hostname);
            return new IpAddress(ip, listed.indexOf(address) == 0, 4, hostname);
        });
    }

    @Override
    public ConsoleLink console(Service service, Duration validFor) {
        return call(service, "open the console", (s, host) -> {
            String key = s.api().ssoKey(s.accountEmail());
            // a one-time key: it logs the customer into VMmanager once, where the VPS's console is
            return new ConsoleLink(URI.create(s.api().baseUrl() + "/auth/key-v4/" + key),
                    context.clock().instant().plus(validFor));
        });
    }

    @Override
    public RescueAccess startRescue(Service service, String rootPassword) {
        throw new Conflict("action", "VMmanager 6 has no rescue system; reinstall the VPS or use its console");
    }

    @Override
    public RescueAccess stopRescue(Service service) {
        throw new Conflict("action", "VMmanager 6 has no rescue system");
    }

    @Override
    public UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution) {
        return call(service, "read the traffic", (s, host) -> {
            Map<Instant, long[]> buckets = new TreeMap<>();
            for (VmTraffic t : s.api().traffic(host.id(), from, to)) {
                long step = resolution.step().toSeconds();
                Instant bucket = Instant.ofEpochSecond(Math.floorDiv(t.start().getEpochSecond(), step) * step);
                long[] sum = buckets.computeIfAbsent(bucket, b -> new long[2]);
                sum[0] += t.bytesIn();
                sum[1] += t.bytesOut();
            }
            List<UsageSeries.Point> points = buckets.entrySet().stream()
                    .map(e -> new UsageSeries.Point(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            return new UsageSeries(service.serviceId(), from, to, resolution, points,
                    points.stream().mapToLong(UsageSeries.Point::bytesIn).sum(),
                    points.stream().mapToLong(UsageSeries.Point::bytesOut).sum());
        });
    }

    private interface Call<T> {
        T apply(VmContext s, VmHost host);
    }

    private <T> T call(Service service, String what, Call<T> call) {
        VmContext s;
        try {
            s = VmContext.resolve(service, context, apis);
        } catch (VmContext.Unresolvable unresolvable) {
            throw new Conflict("service", "cannot " + what + ": " + unresolvable.getMessage());
        } catch (BackendFailure failure) {
            throw translate(what, failure);
        }
        if (s.state().hostId() == null) {
            throw new Conflict("service", "cannot " + what + ": no VPS is recorded for this service");
        }
        try {
            VmHost host = s.api().host(s.state().hostId()).orElseThrow(() ->
                    new Conflict("service", "cannot " + what + ": the VPS is gone; please contact support"));
            // a host staff gave to someone else by hand is not this customer's to control any more
            if (!service.serviceId().equals(host.comment())) {
                throw new Conflict("service", "cannot " + what + ": the VPS was reassigned; please contact support");
            }
            return call.apply(s, host);
        } catch (BackendFailure failure) {
            throw translate(what, failure);
        }
    }

    private static RuntimeException translate(String what, BackendFailure failure) {
        if (failure instanceof BackendFailure.Transient) {
            return new Unavailable("VMmanager did not answer when asked to " + what + "; try again in a minute");
        }
        return new Conflict("service", "VMmanager refused to " + what + ": " + failure.getMessage());
    }
}
