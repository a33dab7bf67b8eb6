package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A server as the simulator holds it at one moment, including what the API does not show (the install in progress,
 * whether ports are manageable). The root and rescue passwords are only in {@link TenantOsSimulator#rootPasswordOf}
 * and {@link TenantOsSimulator#rescuePasswordOf}.
 *
 * @param userId        the owner, null when none
 * @param install       the last install or wipe started, null when none
 * @param powerFeatures the power methods its power provider supports
 * @param ports         the switch ports it is cabled to
 */
public record SimulatedServer(long id, String hostname, String servername, Long userId, String os, List<String> tags,
                              String cpuModel, long memoryMb, String primaryIp, String powerStatus,
                              boolean reinstallationRunning, boolean diskwipeRunning,
                              List<IpAssignment> ipAssignments, List<Long> suspendUserIds, Install install,
                              boolean rescueBootRunning, List<String> powerFeatures, List<Port> ports) {

    public record IpAssignment(long id, String ip, boolean primary, long subnetId, String rdns) {
    }

    /**
     * @param status           running, finished, failed or cancelled
     * @param startedAt        when {@code startReinstallation} started it (simulator clock)
     * @param endedAt          when it finished, failed or was cancelled; null while it runs
     * @param staleStatusReads how many {@code getInstallStatus} reads answered the job before instead of this one
     */
    public record Install(long profileId, String profileName, boolean wipe, String status, int progress,
                          Instant startedAt, Instant endedAt, int staleStatusReads) {
    }

    /** @param enabled administratively up */
    public record Port(long id, String name, String switchName, boolean manageable, boolean enabled) {
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public Port port(long portId) {
        return ports.stream().filter(p -> p.id() == portId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Server " + id + " has no port " + portId));
    }

    static SimulatedServer of(ServerState s, Instant now) {
        Install install = s.install == null ? null : new Install(s.install.profileId, s.install.profileName,
                s.install.wipe, s.install.state.name().toLowerCase(Locale.ROOT), s.install.progress(now),
                s.install.startedAt, s.install.endedAt, s.install.staleReadsServed);
        return new SimulatedServer(s.id, s.hostname, s.servername, s.userId, s.os, List.copyOf(s.tags), s.cpuModel,
                s.memoryMb, s.primaryIp(), s.powerStatus, s.reinstallationRunning(), s.diskwipeRunning(),
                s.assignments.stream().map(a -> new IpAssignment(a.id, a.ip, a.primary, a.subnetId, a.rdns)).toList(),
                List.copyOf(s.suspendUserIds), install, s.rescueBootRunning, List.copyOf(s.powerFeatures),
                s.ports.stream().map(p -> new Port(p.id, p.name, p.switchName, p.manageable, p.enabled)).toList());
    }
}
