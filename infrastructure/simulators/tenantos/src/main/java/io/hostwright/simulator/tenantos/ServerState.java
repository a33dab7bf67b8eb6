package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One server as the simulated TenantOS holds it. Guarded by the {@link World} lock. */
final class ServerState {

    /** A switch port; {@code enabled} is its administrative state. */
    static final class PortState {
        final long id;
        final String name;
        final String switchName;
        boolean manageable;
        boolean enabled;

        PortState(Seed.Port seed) {
            this.id = seed.id();
            this.name = seed.name();
            this.switchName = seed.switchName();
            this.manageable = seed.manageable();
            this.enabled = seed.enabled();
        }
    }

    final long id;
    final String servername;
    final String cpuModel;
    final long memoryMb;
    String hostname;
    Long userId;
    String os;
    List<String> tags;
    String powerStatus = "on";
    List<String> powerFeatures;
    List<Long> suspendUserIds = List.of();
    InstallJob install;
    String rootPassword;
    boolean rescueBootRunning;
    String rescuePassword;
    final List<AssignmentState> assignments = new ArrayList<>();
    final List<PortState> ports = new ArrayList<>();
    /** What its switch port counts; traffic flows while a customer owns it, it is on and a port is up. */
    final TrafficMeter traffic;

    /** Its traffic counter starts at {@code start}. */
    ServerState(Seed.Server seed, Instant start) {
        this.id = seed.id();
        this.servername = seed.servername() == null ? "" : seed.servername();
        this.cpuModel = seed.cpuModel() == null ? "" : seed.cpuModel();
        this.memoryMb = seed.memoryMb();
        this.hostname = seed.hostname() == null ? "" : seed.hostname();
        this.userId = seed.userId();
        this.os = seed.os();
        this.tags = List.copyOf(seed.tags());
        this.powerFeatures = List.copyOf(seed.powerFeatures());
        seed.ports().forEach(p -> ports.add(new PortState(p)));
        this.traffic = new TrafficMeter(seed.traffic() == null ? NetworkTraffic.defaultRate(id) : seed.traffic(),
                start);
    }

    boolean reinstallationRunning() {
        return install != null && install.running() && !install.wipe;
    }

    boolean diskwipeRunning() {
        return install != null && install.running() && install.wipe;
    }

    boolean busy() {
        return reinstallationRunning() || diskwipeRunning();
    }

    String primaryIp() {
        return assignments.stream().filter(a -> a.primary).map(a -> a.ip).findFirst().orElse("");
    }

    boolean poweredOn() {
        return "on".equals(powerStatus);
    }

    /** A server with no port up (or no port at all) is cut off: its switch counts no traffic. */
    boolean connected() {
        return ports.stream().anyMatch(p -> p.enabled);
    }
}
