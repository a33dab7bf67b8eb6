package io.hostwright.backends.tenantos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One server as {@link InMemoryTenantOs} keeps it; tests set and read its fields directly. Its install status follows
 * a script: after a start, each read returns the next scripted status and the last one repeats; the job ends (the
 * server is no longer busy) once a last status other than "running" has been read. Before any start it reports
 * {@link #status} — e.g. a finished wipe, still reported right after the next start when the script says so.
 */
final class InMemoryServer {

    static final List<String> ALL_POWER_FEATURES = List.of("setPowerOn", "setPowerOff", "setPowerReset");

    /** What one {@code startReinstallation} asked for. */
    record Start(long profileId, String hostname, String rootPassword) {
    }

    final long id;
    String hostname;
    /** 0: nobody. */
    long owner;
    List<String> tags;
    List<Long> suspendedUsers = List.of();
    List<String> powerFeatures = ALL_POWER_FEATURES;
    String power = "on";
    /** An installation or wipe runs: TenantOS refuses another start, and stock is not sold. */
    boolean busy;
    String os = "";
    String cpu = "AMD Ryzen 9 7950X";
    long memoryMb = 131_072;
    boolean rescue;
    String rescuePassword;
    final List<IpAssignment> ips = new ArrayList<>();
    final List<SwitchPort> ports = new ArrayList<>();
    final List<TrafficSample> traffic = new ArrayList<>();
    final List<Start> starts = new ArrayList<>();
    InstallStatus status = new InstallStatus(InstallStatus.State.NOT_RUNNING, 0, "no installation started");
    private final Deque<InstallStatus> script = new ArrayDeque<>();
    private List<InstallStatus> nextJob = List.of();

    InMemoryServer(long id, String hostname, long owner, List<String> tags) {
        this.id = id;
        this.hostname = hostname;
        this.owner = owner;
        this.tags = List.copyOf(tags);
    }

    static InstallStatus running(int percent) {
        return new InstallStatus(InstallStatus.State.RUNNING, percent, "installing packages");
    }

    static InstallStatus finished(String message) {
        return new InstallStatus(InstallStatus.State.FINISHED, 100, message);
    }

    static InstallStatus failed(String message) {
        return new InstallStatus(InstallStatus.State.FAILED, 60, message);
    }

    /** What the reads after the next start return (default: running, then finished). */
    InMemoryServer afterNextStart(InstallStatus... reads) {
        nextJob = List.of(reads);
        return this;
    }

    void start(long profileId, String newHostname, String rootPassword) {
        starts.add(new Start(profileId, newHostname, rootPassword));
        if (newHostname != null) {
            hostname = newHostname;
        }
        busy = true;
        rescue = false;
        script.clear();
        script.addAll(nextJob.isEmpty() ? List.of(running(0), finished("installation finished")) : nextJob);
        nextJob = List.of();
    }

    InstallStatus readStatus() {
        if (script.size() > 1) {
            status = script.poll();
        } else if (script.size() == 1) {
            status = script.peek();
            busy = status.state() == InstallStatus.State.RUNNING;
        }
        return status;
    }

    SwitchPort port(long portId) {
        return ports.stream().filter(p -> p.id() == portId).findFirst().orElse(null);
    }

    void replacePort(SwitchPort port) {
        ports.replaceAll(p -> p.id() == port.id() ? port : p);
    }

    TenantOsServer view() {
        String primary = ips.stream().filter(IpAssignment::primary).map(IpAssignment::ip).findFirst().orElse("");
        return new TenantOsServer(id, hostname, owner, primary, tags, busy, false, cpu, memoryMb, os, power,
                powerFeatures, rescue, suspendedUsers);
    }
}
