package io.hostwright.domain.tenantos;

import java.util.List;
import java.util.Optional;

/**
 * Port: what Hostwright asks of one TenantOS installation (one connection). The adapter speaks TenantOS's HTTP
 * API; every call the provider reference marks unconfirmed sits behind exactly one method here, so it is easy to
 * correct. Failures are {@link TenantOsFailure}s: transient ones are retried, permanent ones end the step.
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

    /** {@code PUT /api/servers/{id}} with user_id, hostname and the whole tag list. */
    TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags);

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
     * {@code POST /api/servers/{id}/provisioning/startReinstallation} with profileId. [U: the hostname and
     * root-password keys are not confirmed by public sources]
     */
    void startReinstallation(long serverId, long profileId, String hostname, String rootPassword);

    /** {@code GET /api/servers/{id}/provisioning/getInstallStatus}. [U: response fields] */
    InstallStatus installStatus(long serverId);
}
