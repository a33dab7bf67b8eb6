package io.hostwright.backends.tenantos;

import java.util.List;

/**
 * A TenantOS server as Hostwright needs it. {@code ownerUserId} is 0 when unowned (TenantOS installs often let an
 * admin account own stock: the connection names that account, see {@link TenantOsConnection#stockOwnerUserId}).
 *
 * @param os                installed OS name, "" when none
 * @param powerStatus       {@code on}, {@code off} or {@code unknown} (when the power provider cannot poll)
 * @param powerFeatures     power methods the server's power provider supports, e.g. {@code setPowerReset}
 * @param suspendedUserIds  users whose access to this server is suspended
 */
public record TenantOsServer(long id, String hostname, long ownerUserId, String primaryIp, List<String> tags,
                             boolean reinstallationRunning, boolean diskwipeRunning, String cpuModel, long memoryMb,
                             String os, String powerStatus, List<String> powerFeatures, boolean rescueBootRunning,
                             List<Long> suspendedUserIds) {

    public TenantOsServer {
        tags = List.copyOf(tags);
        os = os == null ? "" : os;
        powerStatus = powerStatus == null || powerStatus.isBlank() ? "unknown" : powerStatus;
        powerFeatures = powerFeatures == null ? List.of() : List.copyOf(powerFeatures);
        suspendedUserIds = suspendedUserIds == null ? List.of() : List.copyOf(suspendedUserIds);
    }

    /** A server with nothing known about OS, power, rescue and suspension. */
    public TenantOsServer(long id, String hostname, long ownerUserId, String primaryIp, List<String> tags,
                          boolean reinstallationRunning, boolean diskwipeRunning, String cpuModel, long memoryMb) {
        this(id, hostname, ownerUserId, primaryIp, tags, reinstallationRunning, diskwipeRunning, cpuModel, memoryMb,
                "", "unknown", List.of(), false, List.of());
    }

    /** An installation or disk wipe is running: nobody may start another, nor take the server. */
    public boolean busy() {
        return reinstallationRunning || diskwipeRunning;
    }

    public boolean supports(PowerAction action) {
        return powerFeatures.contains(action.method());
    }
}
