package io.hostwright.functions.control;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One server's client functions in memory, counting what it was asked (by method name). */
final class InMemoryServerControl implements ServerControl {

    static final String MAIN_IP = "203.0.113.10";
    static final String EXTRA_IP = "203.0.113.11";

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final Map<String, String> reverseDns = new ConcurrentHashMap<>();
    private volatile String power = "on";
    private volatile boolean rescue;
    volatile String rescuePassword;
    volatile UsageResolution usageResolution;

    int calls(String method) {
        return calls.getOrDefault(method, 0);
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    String reverseDnsOf(String ip) {
        return reverseDns.get(ip);
    }

    private void count(String method) {
        calls.merge(method, 1, Integer::sum);
    }

    @Override
    public ServerInfo info(Service service) {
        count("info");
        return new ServerInfo(service.serviceId(), service.status().name(), service.hostname(), service.osName(),
                MAIN_IP, List.of(EXTRA_IP), new ServerInfo.Hardware("Xeon E-2388G", 65_536), power,
                List.of(PowerCommand.ON, PowerCommand.OFF, PowerCommand.RESET), rescue, false);
    }

    @Override
    public String power(Service service, PowerCommand command) {
        count("power");
        power = command == PowerCommand.OFF ? "off" : "on";
        return power;
    }

    @Override
    public List<IpAddress> ips(Service service) {
        count("ips");
        return List.of(new IpAddress(MAIN_IP, true, 4, reverseDns.get(MAIN_IP)),
                new IpAddress(EXTRA_IP, false, 4, reverseDns.get(EXTRA_IP)));
    }

    @Override
    public IpAddress setReverseDns(Service service, String ip, String hostname) {
        count("setReverseDns");
        if (!ip.equals(MAIN_IP) && !ip.equals(EXTRA_IP)) {
            throw new NotFound("IP address", ip);
        }
        reverseDns.put(ip, hostname);
        return new IpAddress(ip, ip.equals(MAIN_IP), 4, hostname);
    }

    @Override
    public ConsoleLink console(Service service, Duration validFor) {
        count("console");
        return new ConsoleLink(URI.create("https://console.example.test/" + service.serviceId() + "?n="
                + calls("console")), Instant.now().plus(validFor));
    }

    @Override
    public RescueAccess startRescue(Service service, String rootPassword) {
        count("startRescue");
        rescue = true;
        rescuePassword = rootPassword;
        return new RescueAccess(true, rootPassword);
    }

    @Override
    public RescueAccess stopRescue(Service service) {
        count("stopRescue");
        rescue = false;
        return new RescueAccess(false, null);
    }

    @Override
    public UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution) {
        count("usage");
        usageResolution = resolution;
        return new UsageSeries(service.serviceId(), from, to, resolution,
                List.of(new UsageSeries.Point(from, 100, 200),
                        new UsageSeries.Point(from.plus(resolution.step()), 300, 400)), 400, 600);
    }
}
