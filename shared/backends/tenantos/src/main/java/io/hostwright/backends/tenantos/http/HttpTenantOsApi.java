package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;
import io.hostwright.backends.tenantos.http.TenantOsHttp.Call;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TenantOsApi} over TenantOS's HTTP API (provider reference §1a). One instance per connection: it holds one
 * {@link java.net.http.HttpClient}, reused by every call. Timeouts are short (2 s to connect, 5 s per request) so a
 * function with a 30–60 s timeout can still record the failure and schedule a retry. Nothing here retries: wrap it
 * in {@link RetryingTenantOsApi}.
 */
public final class HttpTenantOsApi implements TenantOsApi {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final TenantOsHttp http;

    /** @param baseUrl e.g. {@code https://tenantos.example.com}; @param apiKey the bearer key, never logged */
    public HttpTenantOsApi(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public HttpTenantOsApi(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrl, apiKey, connectTimeout, requestTimeout, Clock.systemUTC());
    }

    HttpTenantOsApi(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = new TenantOsHttp(baseUrl, apiKey, connectTimeout, requestTimeout, clock);
    }

    @Override
    public Optional<TenantOsUser> findUserByEmail(String email) {
        List<TenantOsUser> users = http.exchange(Call.get("/api/users"),
                r -> TenantOsWire.list(r, "users", TenantOsWire::user));
        return users.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public TenantOsUser createUser(String name, String username, String email, String password, long roleId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("username", username);
        body.put("password", password);
        body.put("email", email);
        body.put("role_id", roleId);
        return http.exchange(Call.post("/api/users", body).redacting(password), TenantOsWire::user);
    }

    @Override
    public List<TenantOsServer> serversByTags(List<String> tags) {
        return http.exchange(Call.post("/api/servers/getByTags", Map.of("tags", tags)),
                r -> TenantOsWire.list(r, "servers", TenantOsWire::server));
    }

    @Override
    public TenantOsServer server(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}", serverId), TenantOsWire::server);
    }

    /** An owner of 0 ("nobody", ownerless stock) is sent as {@code "user_id": null}. */
    @Override
    public TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", ownerUserId == 0 ? null : ownerUserId);
        body.put("hostname", hostname);
        body.put("tags", tags);
        TenantOsServer updated = http.exchange(Call.put("/api/servers/{id}", body, serverId),
                r -> r.isObject() ? TenantOsWire.server(r) : null);
        // the answer's shape is only seen in client code [C]: when it is not the server, read it back
        return updated != null ? updated : server(serverId);
    }

    /** The PUT carries only {@code suspendUserIds}, so owner, hostname and tags stay as they are. */
    @Override
    public void setSuspendedUsers(long serverId, List<Long> userIds) {
        http.exchange(Call.put("/api/servers/{id}", Map.of("suspendUserIds", List.copyOf(userIds)), serverId),
                r -> null);
    }

    /**
     * [U] {@code GET /api/servers?userId={id}}: the wrapper sends a {@code userId} filter, but whether TenantOS
     * applies it is not confirmed, so the answer is filtered by {@code user_id} here too (an ignored filter costs a
     * longer list, never a wrong one).
     */
    @Override
    public List<TenantOsServer> serversOwnedBy(long userId) {
        return http.exchange(Call.get("/api/servers?userId={id}", userId),
                r -> TenantOsWire.list(r, "servers", TenantOsWire::server)).stream()
                .filter(s -> s.ownerUserId() == userId).toList();
    }

    @Override
    public void deleteUser(long userId) {
        http.exchange(Call.delete("/api/users/{id}", userId), r -> null);
    }

    @Override
    public List<IpAssignment> ipAssignments(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}/ipassignments", serverId),
                r -> TenantOsWire.list(r, "IP assignments", TenantOsWire::ipAssignment));
    }

    @Override
    public List<Subnet> assignableSubnets(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}/ipassignments/getAssignableSubnets", serverId),
                r -> TenantOsWire.list(r, "subnets", TenantOsWire::subnet));
    }

    @Override
    public List<String> assignableIps(long serverId, long subnetId) {
        return http.exchange(Call.post("/api/servers/{id}/ipassignments/getAssignableIpsOfSubnet",
                Map.of("subnetId", subnetId), serverId), r -> TenantOsWire.list(r, "IPs", TenantOsWire::ip));
    }

    /**
     * [U] Body keys {@code subnetId} and {@code ip} and the answer (the new assignment) are not confirmed by public
     * sources. When the answer is not an assignment, the server's assignments are read and the one with this IP is
     * returned.
     */
    @Override
    public IpAssignment addIpAssignment(long serverId, long subnetId, String ip) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subnetId", subnetId);
        body.put("ip", ip);
        IpAssignment added = http.exchange(Call.post("/api/servers/{id}/ipassignments", body, serverId),
                r -> r.isObject() && r.has("ip") ? TenantOsWire.ipAssignment(r) : null);
        if (added != null) {
            return added;
        }
        return ipAssignments(serverId).stream().filter(a -> a.ip().equals(ip)).findFirst()
                .orElseThrow(() -> new BackendFailure.Permanent("TenantOS POST /api/servers/{id}/ipassignments ("
                        + serverId + "): answered, but the server has no assignment of " + ip + " afterwards", 0, null));
    }

    @Override
    public void removeIpAssignment(long serverId, long assignmentId) {
        http.exchange(Call.delete("/api/servers/{id}/ipassignments/{assignmentId}", serverId, assignmentId), r -> null);
    }

    @Override
    public List<ProvisioningProfile> provisioningProfiles(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}/provisioning/getProfiles", serverId),
                r -> TenantOsWire.list(r, "provisioning profiles", TenantOsWire::profile));
    }

    /**
     * [C] The path is the community wrapper's. [U] The fields are read as the per-server list's ({@code id},
     * {@code name}, {@code tags}; the wrapper's own type names others); no paging is asked for or followed: the
     * wrapper sends {@code page}/{@code limit} only when its caller does, and staff keep tens of profiles, not
     * thousands.
     */
    @Override
    public List<ProvisioningProfile> pxeProfiles() {
        return http.exchange(Call.get("/api/pxe/profiles"),
                r -> TenantOsWire.list(r, "PXE profiles", TenantOsWire::profile));
    }

    /**
     * [U] Only {@code profileId} is confirmed; {@code hostname} and {@code rootPassword} are our best reading (capture
     * the web UI's request in the browser's dev-tools to confirm). A null hostname or password (a disk wipe) leaves
     * its key out. The password is scrubbed from any failure text.
     */
    @Override
    public void startReinstallation(long serverId, long profileId, String hostname, String rootPassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profileId", profileId);
        // a disk wipe sends neither: the keys are left out rather than sent as null
        if (hostname != null) {
            body.put("hostname", hostname);
        }
        if (rootPassword != null) {
            body.put("rootPassword", rootPassword);
        }
        http.exchange(Call.post("/api/servers/{id}/provisioning/startReinstallation", body, serverId)
                .redacting(rootPassword), r -> null);
    }

    /** [U] Response fields {@code status}, {@code progress} and {@code message} are not confirmed; see TenantOsWire. */
    @Override
    public InstallStatus installStatus(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}/provisioning/getInstallStatus", serverId),
                TenantOsWire::installStatus);
    }

    /** The GET-by-method form the working community client uses [C]; the answer ({@code true}) is not read. */
    @Override
    public void power(long serverId, PowerAction action) {
        http.exchange(Call.get("/api/servers/{id}/power/" + action.method(), serverId), r -> null);
    }

    /** [U] Response fields: see {@link TenantOsWire#switchPort}. */
    @Override
    public List<SwitchPort> networkPorts(long serverId) {
        return http.exchange(Call.get("/api/servers/{id}/network/getManageableNetworkPorts", serverId),
                r -> TenantOsWire.list(r, "switch ports", TenantOsWire::switchPort));
    }

    /** [U] No public source shows this call: {@code POST …/network/ports/{portId}/enable|disable}, no body. */
    @Override
    public void setPortEnabled(long serverId, long portId, boolean enabled) {
        http.exchange(Call.post("/api/servers/{id}/network/ports/{portId}/" + (enabled ? "enable" : "disable"), null,
                serverId, portId), r -> null);
    }

    /** [U] Body keys {@code ip} and {@code rdns}. */
    @Override
    public void setReverseDns(long serverId, String ip, String hostname) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ip", ip);
        body.put("rdns", hostname);
        http.exchange(Call.post("/api/servers/{id}/ipassignments/rdns", body, serverId), r -> null);
    }

    /**
     * The link carries a login token: whoever holds it is logged in as the user, so it is handed to that user only
     * and never logged. {@code validFor} is sent in whole seconds, rounded up, at least 1.
     */
    @Override
    public URI ssoLink(long userId, String endpoint, Duration validFor) {
        long seconds = Math.max(1, validFor.toSeconds() + (validFor.toNanosPart() > 0 ? 1 : 0));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoint", endpoint);
        body.put("validForSeconds", seconds);
        String token = http.exchange(Call.post("/api/users/{id}/generateSsoToken", body, userId),
                TenantOsWire::ssoToken);
        return URI.create(http.baseUrl() + "/tokenLogin/" + token);
    }

    /** [U] {@code POST …/provisioning/startRescueSystem} with {@code rootPassword}; the password is scrubbed from failures. */
    @Override
    public void startRescue(long serverId, String rootPassword) {
        http.exchange(Call.post("/api/servers/{id}/provisioning/startRescueSystem",
                Map.of("rootPassword", rootPassword), serverId).redacting(rootPassword), r -> null);
    }

    /** [U] {@code GET …/provisioning/stopRescueSystem}. */
    @Override
    public void stopRescue(long serverId) {
        http.exchange(Call.get("/api/servers/{id}/provisioning/stopRescueSystem", serverId), r -> null);
    }

    /** [U] Sample fields: see {@link TenantOsWire#trafficSample}. {@code mode} goes into the path, so only letters and digits. */
    @Override
    public List<TrafficSample> networkTraffic(long serverId, String mode, Instant from, Instant to) {
        if (mode == null || !mode.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("traffic mode must be letters and digits, e.g. 5min, hourly, daily: " + mode);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.getEpochSecond());
        body.put("to", to.getEpochSecond());
        return http.exchange(Call.post("/api/servers/{id}/stats/network/" + mode, body, serverId),
                r -> TenantOsWire.list(r, "traffic samples", TenantOsWire::trafficSample));
    }

    @Override
    public String toString() {
        return "HttpTenantOsApi[" + http.baseUrl() + "]";
    }
}
