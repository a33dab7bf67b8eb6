package io.hostwright.backends.tenantos;

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

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The customer's client functions on a TenantOS server, each one or two TenantOS calls. A TenantOS outage answers
 * 503 (the call may be retried), a refusal 409 with TenantOS's reason.
 */
final class TenantOsServerControl implements ServerControl {

    private final BackendContext context;
    private final TenantOsApis apis;

    TenantOsServerControl(BackendContext context, TenantOsApis apis) {
        this.context = context;
        this.apis = apis;
    }

    @Override
    public ServerInfo info(Service service) {
        return call(service, "read the server", (s, server) -> {
            List<IpAssignment> ips = s.api().ipAssignments(server.id());
            String main = ips.stream().filter(IpAssignment::primary).map(IpAssignment::ip).findFirst()
                    .orElse(server.primaryIp());
            List<PowerCommand> commands = Arrays.stream(PowerCommand.values())
                    .filter(c -> server.supports(action(c))).toList();
            return new ServerInfo(service.serviceId(), service.status().name(), server.hostname(),
                    server.os().isBlank() ? service.osName() : server.os(), main,
                    ips.stream().map(IpAssignment::ip).filter(ip -> !ip.equals(main)).toList(),
                    new ServerInfo.Hardware(server.cpuModel(), server.memoryMb()), server.powerStatus(), commands,
                    server.rescueBootRunning(), server.busy());
        });
    }

    @Override
    public String power(Service service, PowerCommand command) {
        return call(service, "power " + command.label(), (s, server) -> {
            if (!server.supports(action(command))) {
                throw new Conflict("action", "this server's power provider cannot " + command.label()
                        + "; it supports " + Arrays.stream(PowerCommand.values())
                        .filter(c -> server.supports(action(c))).map(PowerCommand::label).toList());
            }
            s.api().power(server.id(), action(command));
            return switch (command) {
                case ON, RESET -> "on";
                case OFF -> "off";
            };
        });
    }

    @Override
    public List<IpAddress> ips(Service service) {
        return call(service, "list the IP addresses", (s, server) -> s.api().ipAssignments(server.id()).stream()
                .map(TenantOsServerControl::address).toList());
    }

    @Override
    public IpAddress setReverseDns(Service service, String ip, String hostname) {
        return call(service, "set reverse DNS", (s, server) -> {
            IpAssignment assignment = s.api().ipAssignments(server.id()).stream().filter(a -> a.ip().equals(ip))
                    .findFirst().orElseThrow(() -> new NotFound("IP address", ip));
            s.api().setReverseDns(server.id(), ip, hostname);
            return new IpAddress(assignment.ip(), assignment.primary(), assignment.ipv4() ? 4 : 6, hostname);
        });
    }

    @Override
    public ConsoleLink console(Service service, Duration validFor) {
        return call(service, "open the console", (s, server) -> {
            Instant expires = context.clock().instant().plus(validFor);
            return new ConsoleLink(s.api().ssoLink(s.state().userId(), "/servers/" + server.id() + "/console",
                    validFor), expires);
        });
    }

    @Override
    public RescueAccess startRescue(Service service, String rootPassword) {
        return call(service, "start the rescue system", (s, server) -> {
            if (server.busy()) {
                throw new Conflict("service", "an installation or disk wipe is running on this server");
            }
            if (!server.rescueBootRunning()) {
                s.api().startRescue(server.id(), rootPassword);
                return new RescueAccess(true, rootPassword);
            }
            return new RescueAccess(true, null);
        });
    }

    @Override
    public RescueAccess stopRescue(Service service) {
        return call(service, "leave the rescue system", (s, server) -> {
            s.api().stopRescue(server.id());
            return new RescueAccess(false, null);
        });
    }

    @Override
    public UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution) {
        return call(service, "read usage", (s, server) -> {
            List<UsageSeries.Point> points = s.api().networkTraffic(server.id(), resolution.label(), from, to).stream()
                    .map(t -> new UsageSeries.Point(t.start(), t.bytesIn(), t.bytesOut())).toList();
            return new UsageSeries(service.serviceId(), from, to, resolution, points,
                    points.stream().mapToLong(UsageSeries.Point::bytesIn).sum(),
                    points.stream().mapToLong(UsageSeries.Point::bytesOut).sum());
        });
    }

    private interface Call<T> {
        T apply(TenantOsContext s, TenantOsServer server);
    }

    private <T> T call(Service service, String what, Call<T> call) {
        TenantOsContext s;
        try {
            s = TenantOsContext.resolve(service, context.connections(), apis, context.states());
        } catch (TenantOsContext.Unresolvable unresolvable) {
            throw new Conflict("service", "cannot " + what + ": " + unresolvable.getMessage());
        } catch (BackendFailure failure) {
            throw translate(what, failure);
        }
        if (s.state().serverId() == null || s.state().userId() == null) {
            throw new Conflict("service", "cannot " + what + ": no TenantOS server is recorded for this service");
        }
        try {
            TenantOsServer server = s.api().server(s.state().serverId());
            // a server staff gave to someone else by hand is not this customer's to control any more
            if (server.ownerUserId() != s.state().userId()) {
                throw new Conflict("service", "cannot " + what + ": the server was reassigned; please contact support");
            }
            return call.apply(s, server);
        } catch (BackendFailure failure) {
            throw translate(what, failure);
        }
    }

    private static RuntimeException translate(String what, BackendFailure failure) {
        if (failure instanceof BackendFailure.Transient) {
            return new Unavailable("TenantOS did not answer when asked to " + what + "; try again in a minute");
        }
        return new Conflict("service", "TenantOS refused to " + what + ": " + failure.getMessage());
    }

    private static PowerAction action(PowerCommand command) {
        return switch (command) {
            case ON -> PowerAction.ON;
            case OFF -> PowerAction.OFF;
            case RESET -> PowerAction.RESET;
        };
    }

    private static IpAddress address(IpAssignment a) {
        return new IpAddress(a.ip(), a.primary(), a.ipv4() ? 4 : 6, a.rdns());
    }
}
