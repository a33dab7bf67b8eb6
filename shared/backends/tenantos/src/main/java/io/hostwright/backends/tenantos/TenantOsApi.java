package io.hostwright.backends.tenantos;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: what Hostwright asks of one TenantOS installation (one connection). The adapter speaks TenantOS's HTTP
 * API; every call the provider reference marks unconfirmed sits behind exactly one method here, so it is easy to
 * correct. Failures are {@link BackendFailure}s: transient ones are retried, permanent ones end the step.
 */
public interface TenantOsApi {

    /** {@code GET /api/users}, filtered by e-mail (the list may be unpaginated). */
    Optional<TenantOsUser> findUserByEmail(String email);

    /** {@code POST /api/users} with name, username, password, email, role_id. */
    TenantOsUser createUser(String name, String username, String email, String password, long roleId);

    /** {@code POST /api/servers/getByTags} with {@code tags}: servers carrying all of them. */
    List<TenantOsServer> serversByTags(List<String> tags);

    /** {@code GET /api/servers/{id}}. */
    TenantOsServer server(long serverId);

    /**
     * {@code PUT /api/servers/{id}} with user_id, hostname and the whole tag list. An owner of 0 means "nobody"
     * (ownerless stock) and is sent as {@code null}.
     */
    TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags);

    /** {@code PUT /api/servers/{id}} with {@code suspendUserIds}: the whole list, empty to suspend nobody. */
    void setSuspendedUsers(long serverId, List<Long> userIds);

    /** The servers a user owns: {@code GET /api/servers}, filtered by owner. [U: server-side filter parameter] */
    List<TenantOsServer> serversOwnedBy(long userId);

    /** {@code DELETE /api/users/{id}}. */
    void deleteUser(long userId);

    /** {@code GET /api/servers/{id}/ipassignments}. */
    List<IpAssignment> ipAssignments(long serverId);

    /** {@code GET /api/servers/{id}/ipassignments/getAssignableSubnets}. */
    List<Subnet> assignableSubnets(long serverId);

    /** {@code POST /api/servers/{id}/ipassignments/getAssignableIpsOfSubnet} with subnetId. */
    List<String> assignableIps(long serverId, long subnetId);

    /** {@code POST /api/servers/{id}/ipassignments} with subnetId and ip. [U: body keys] */
    IpAssignment addIpAssignment(long serverId, long subnetId, String ip);

    /** {@code DELETE /api/servers/{id}/ipassignments/{assignmentId}}. */
    void removeIpAssignment(long serverId, long assignmentId);

    /** {@code GET /api/servers/{id}/provisioning/getProfiles}: the OS profiles this server can install. */
    List<ProvisioningProfile> provisioningProfiles(long serverId);

    /**
     * {@code GET /api/pxe/profiles}: every provisioning profile of the installation — OS installations, disk wipes and
     * other runs alike. [U: the list's field names (we read id, name, tags) and that it is unpaginated]
     */
    List<ProvisioningProfile> pxeProfiles();

    /**
     * {@code POST /api/servers/{id}/provisioning/startReinstallation} with profileId. [U: the hostname and
     * root-password keys are not confirmed by public sources]
     */
    void startReinstallation(long serverId, long profileId, String hostname, String rootPassword);

    /** {@code GET /api/servers/{id}/provisioning/getInstallStatus}. [U: response fields] */
    InstallStatus installStatus(long serverId);

    /** {@code GET /api/servers/{id}/power/{method}} ({@link PowerAction#method()}). */
    void power(long serverId, PowerAction action);

    /** {@code GET /api/servers/{id}/network/getManageableNetworkPorts}. [U: response fields] */
    List<SwitchPort> networkPorts(long serverId);

    /**
     * Sets a switch port administratively up or down. [U: no public source shows this call; our reading is
     * {@code POST /api/servers/{id}/network/ports/{portId}/enable|disable}]
     */
    void setPortEnabled(long serverId, long portId, boolean enabled);

    /** {@code POST /api/servers/{id}/ipassignments/rdns} with ip and rdns. [U: body keys] */
    void setReverseDns(long serverId, String ip, String hostname);

    /**
     * A link that logs the user into TenantOS's client area at {@code endpoint} (e.g. the server's console page):
     * {@code POST /api/users/{id}/generateSsoToken} with endpoint and validForSeconds, then
     * {@code {baseUrl}/tokenLogin/{authToken}}.
     */
    URI ssoLink(long userId, String endpoint, Duration validFor);

    /**
     * Boots the server into the rescue system with this root password. [U: our reading is
     * {@code POST /api/servers/{id}/provisioning/startRescueSystem} with rootPassword; the server then shows
     * {@code rescueBootRunning}]
     */
    void startRescue(long serverId, String rootPassword);

    /** Leaves the rescue system (boots from disk again). [U: {@code GET …/provisioning/stopRescueSystem}] */
    void stopRescue(long serverId);

    /**
     * {@code POST /api/servers/{id}/stats/network/{mode}} with from/to in epoch seconds; mode is one of
     * {@code 5min}, {@code hourly}, {@code daily}. [U: sample fields timestamp, bytesIn, bytesOut]
     */
    List<TrafficSample> networkTraffic(long serverId, String mode, Instant from, Instant to);
}
