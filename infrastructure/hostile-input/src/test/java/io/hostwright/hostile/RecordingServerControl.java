package io.hostwright.hostile;

import io.hostwright.domain.control.ConsoleLink;
import io.hostwright.domain.control.IpAddress;
import io.hostwright.domain.control.PowerCommand;
import io.hostwright.domain.control.RescueAccess;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.control.ServerInfo;
import io.hostwright.domain.control.UsageResolution;
import io.hostwright.domain.control.UsageSeries;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fixture server's client functions: reads answer a fixed server, and every call that would change something on
 * a real back-end (power, reverse DNS, console, rescue) is recorded, so a property can say that a refused request
 * never reached the back-end.
 */
final class RecordingServerControl implements ServerControl {

    static final String MAIN_IP = "203.0.113.10";

    private final List<String> changes = new CopyOnWriteArrayList<>();

    List<String> changes() {
        return List.copyOf(changes);
    }

    void clear() {
        changes.clear();
    }

    @Override
    public ServerInfo info(Service service) {
        return new ServerInfo(service.serviceId(), service.status().name(), service.hostname(), service.osName(),
                MAIN_IP, List.of(), new ServerInfo.Hardware("Xeon E-2388G", 65_536), "on",
                List.of(PowerCommand.ON, PowerCommand.OFF, PowerCommand.RESET), false, false);
    }

    @Override
    public String power(Service service, PowerCommand command) {
        changes.add("power " + command);
        return "on";
    }

    @Override
    public List<IpAddress> ips(Service service) {
        return List.of(new IpAddress(MAIN_IP, true, 4, null));
    }

    @Override
    public IpAddress setReverseDns(Service service, String ip, String hostname) {
        changes.add("reverse DNS of " + ip);
        if (!ip.equals(MAIN_IP)) {
            throw new NotFound("IP address", ip);
        }
        return new IpAddress(ip, true, 4, hostname);
    }

    @Override
    public ConsoleLink console(Service service, Duration validFor) {
        changes.add("console");
        return new ConsoleLink(URI.create("https://console.example.test/" + service.serviceId()),
                Instant.now().plus(validFor));
    }

    @Override
    public RescueAccess startRescue(Service service, String rootPassword) {
        changes.add("rescue start");
        return new RescueAccess(true, rootPassword);
    }

    @Override
    public RescueAccess stopRescue(Service service) {
        changes.add("rescue stop");
        return new RescueAccess(false, null);
    }

    @Override
    public UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution) {
        return new UsageSeries(service.serviceId(), from, to, resolution, List.of(), 0, 0);
    }
}
