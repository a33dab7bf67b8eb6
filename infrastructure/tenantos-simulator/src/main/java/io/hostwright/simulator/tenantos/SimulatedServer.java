package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A server as the simulator holds it at one moment, including what the API never shows ({@code suspendUserIds},
 * rDNS entries, the install in progress). The root password is only in {@link TenantOsSimulator#rootPasswordOf}.
 *
 * @param userId  the owner, null when none
 * @param install the last install or wipe started, null when none
 */
public record SimulatedServer(long id, String hostname, String servername, Long userId, String os, List<String> tags,
                              String cpuModel, long memoryMb, String primaryIp, String powerStatus,
                              boolean reinstallationRunning, boolean diskwipeRunning,
                              List<IpAssignment> ipAssignments, List<Long> suspendUserIds, Install install) {

    public record IpAssignment(long id, String ip, boolean primary, long subnetId, String rdns) {
    }

    /** @param status running, finished, failed or cancelled */
    public record Install(long profileId, String profileName, boolean wipe, String status, int progress) {
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    static SimulatedServer of(ServerState s, Instant now) {
        Install install = s.install == null ? null : new Install(s.install.profileId, s.install.profileName,
                s.install.wipe, s.install.state.name().toLowerCase(Locale.ROOT), s.install.progress(now));
        return new SimulatedServer(s.id, s.hostname, s.servername, s.userId, s.os, List.copyOf(s.tags), s.cpuModel,
                s.memoryMb, s.primaryIp(), s.powerStatus, s.reinstallationRunning(), s.diskwipeRunning(),
                s.assignments.stream().map(a -> new IpAssignment(a.id, a.ip, a.primary, a.subnetId, a.rdns)).toList(),
                List.copyOf(s.suspendUserIds), install);
    }
}
