package io.hostwright.domain.control;

import io.hostwright.domain.service.Service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A back-end's client functions over one pretend server; every call is recorded, and the next one can fail. */
final class RecordingServerControl implements ServerControl {

    final List<String> calls = new ArrayList<>();
    String power = "on";
    boolean rescue;
    String reverseDns;
    RuntimeException failNext;

    private void call(String what) {
        calls.add(what);
        if (failNext != null) {
            RuntimeException failure = failNext;
            failNext = null;
            throw failure;
        }
    }

    @Override
    public ServerInfo info(Service service) {
        call("info");
        return new ServerInfo(service.serviceId(), service.status().name(), service.hostname(), service.osName(),
                "203.0.113.10", List.of(), new ServerInfo.Hardware("cpu", 1024), power,
                List.of(PowerCommand.values()), rescue, false);
    }

    @Override
    public String power(Service service, PowerCommand command) {
        call("power " + command.label());
        power = command == PowerCommand.OFF ? "off" : "on";
        return power;
    }

    @Override
    public List<IpAddress> ips(Service service) {
        call("ips");
        return List.of(new IpAddress("203.0.113.10", true, 4, reverseDns));
    }

    @Override
    public IpAddress setReverseDns(Service service, String ip, String hostname) {
        call("rdns " + ip + " " + hostname);
        reverseDns = hostname;
        return new IpAddress(ip, true, 4, hostname);
    }

    @Override
    public ConsoleLink console(Service service, Duration validFor) {
        call("console");
        return new ConsoleLink(URI.create("https://console.test/" + calls.size()), Instant.EPOCH.plus(validFor));
    }

    @Override
    public RescueAccess startRescue(Service service, String rootPassword) {
        call("rescue start");
        rescue = true;
        return new RescueAccess(true, rootPassword);
    }

    @Override
    public RescueAccess stopRescue(Service service) {
        call("rescue stop");
        rescue = false;
        return new RescueAccess(false, null);
    }

    @Override
    public UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution) {
        call("usage " + from + ".." + to + " " + resolution.label());
        return new UsageSeries(service.serviceId(), from, to, resolution, List.of(), 0, 0);
    }
}
