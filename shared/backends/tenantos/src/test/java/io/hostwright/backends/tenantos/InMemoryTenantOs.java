package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * TenantOS in memory, answering as the simulator does (a 409 for a taken address or a second start, a 422 for a
 * port on an unmanageable switch or a power method the provider lacks, a 404 for what is not there). Every call is
 * recorded as {@code name(args)}; a chosen call can be made to fail before it acts, or after (its answer lost).
 */
final class InMemoryTenantOs implements TenantOsApi {

    final Map<Long, TenantOsUser> users = new TreeMap<>();
    final Map<Long, InMemoryServer> servers = new TreeMap<>();
    final Map<Long, Subnet> subnets = new LinkedHashMap<>();
    final Map<Long, List<String>> freeIps = new HashMap<>();
    /** Addresses some server outside this test holds. */
    final Set<String> heldElsewhere = new HashSet<>();
    /** The installation's provisioning profiles; every server offers them all. */
    final List<ProvisioningProfile> profiles = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<BackendFailure>> failBefore = new HashMap<>();
    private final Map<String, Deque<BackendFailure>> failAfter = new HashMap<>();
    private boolean snatchNextAddedIp;
    private long nextUserId = 100;
    private long nextAssignmentId = 5000;

    static BackendFailure.Transient unavailable() {
        return new BackendFailure.Transient("HTTP 503", 503, null, null);
    }

    static BackendFailure.Permanent refused(int status) {
        return new BackendFailure.Permanent("HTTP " + status, status, null);
    }

    /** The next call of {@code method} throws without acting. */
    InMemoryTenantOs failNext(String method, BackendFailure failure) {
        failBefore.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
        return this;
    }

    /** The next call of {@code method} acts, then throws: the answer is lost on the way back. */
    InMemoryTenantOs loseNextAnswer(String method, BackendFailure failure) {
        failAfter.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
        return this;
    }

    /** Another service takes the next address this one tries to add, just before it: that add answers 409. */
    void snatchNextAddedIp() {
        snatchNextAddedIp = true;
    }

    int count(String method) {
        return (int) calls.stream().filter(c -> c.startsWith(method + "(")).count();
    }

    List<String> calls(String method) {
        return calls.stream().filter(c -> c.startsWith(method + "(")).toList();
    }

    InMemoryServer addServer(long id, long owner, List<String> tags, String primaryIp, long subnetId) {
        InMemoryServer server = new InMemoryServer(id, "stock-" + id, owner, tags);
        server.ips.add(new IpAssignment(nextAssignmentId++, primaryIp, true, true, subnetId));
        servers.put(id, server);
        return server;
    }

    TenantOsUser addUser(String email) {
        TenantOsUser user = new TenantOsUser(nextUserId++, email, email, 3);
        users.put(user.id(), user);
        return user;
    }

    private void call(String method, Object... args) {
        calls.add(method + "(" + String.join(", ", Arrays.stream(args).map(String::valueOf).toList()) + ")");
        Deque<BackendFailure> next = failBefore.get(method);
        if (next != null && !next.isEmpty()) {
            throw next.poll();
        }
    }

    private <T> T answer(String method, T value) {
        Deque<BackendFailure> lost = failAfter.get(method);
        if (lost != null && !lost.isEmpty()) {
            throw lost.poll();
        }
        return value;
    }

    private InMemoryServer existing(long serverId) {
        InMemoryServer server = servers.get(serverId);
        if (server == null) {
            throw refused(404);
        }
        return server;
    }

    @Override
    public Optional<TenantOsUser> findUserByEmail(String email) {
        call("findUserByEmail", email);
        return answer("findUserByEmail", users.values().stream().filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst());
    }

    @Override
    public TenantOsUser createUser(String name, String username, String email, String password, long roleId) {
        call("createUser", name, username, email, roleId);
        if (users.values().stream().anyMatch(u -> u.email().equalsIgnoreCase(email))) {
            throw refused(422);
        }
        TenantOsUser user = new TenantOsUser(nextUserId++, email, name, roleId);
        users.put(user.id(), user);
        return answer("createUser", user);
    }

    @Override
    public List<TenantOsServer> serversByTags(List<String> tags) {
        call("serversByTags", tags);
        return answer("serversByTags", servers.values().stream().filter(s -> s.tags.containsAll(tags))
                .map(InMemoryServer::view).toList());
    }

    @Override
    public TenantOsServer server(long serverId) {
        call("server", serverId);
        return answer("server", existing(serverId).view());
    }

    @Override
    public TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags) {
        call("updateServer", serverId, ownerUserId, hostname, tags);
        InMemoryServer server = existing(serverId);
        if (ownerUserId != 0 && !users.containsKey(ownerUserId)) {
            throw refused(422);
        }
        server.owner = ownerUserId;
        server.hostname = hostname;
        server.tags = List.copyOf(tags);
        return answer("updateServer", server.view());
    }

    @Override
    public void setSuspendedUsers(long serverId, List<Long> userIds) {
        call("setSuspendedUsers", serverId, userIds);
        existing(serverId).suspendedUsers = List.copyOf(userIds);
        answer("setSuspendedUsers", null);
    }

    @Override
    public List<TenantOsServer> serversOwnedBy(long userId) {
        call("serversOwnedBy", userId);
        return answer("serversOwnedBy", servers.values().stream().filter(s -> s.owner == userId)
                .map(InMemoryServer::view).toList());
    }

    @Override
    public void deleteUser(long userId) {
        call("deleteUser", userId);
        if (!users.containsKey(userId)) {
            throw refused(404);
        }
        if (servers.values().stream().anyMatch(s -> s.owner == userId)) {
            throw refused(422);
        }
        users.remove(userId);
        answer("deleteUser", null);
    }

    @Override
    public List<IpAssignment> ipAssignments(long serverId) {
        call("ipAssignments", serverId);
        return answer("ipAssignments", List.copyOf(existing(serverId).ips));
    }

    @Override
    public List<Subnet> assignableSubnets(long serverId) {
        call("assignableSubnets", serverId);
        existing(serverId);
        return answer("assignableSubnets", List.copyOf(subnets.values()));
    }

    @Override
    public List<String> assignableIps(long serverId, long subnetId) {
        call("assignableIps", serverId, subnetId);
        existing(serverId);
        return answer("assignableIps", List.copyOf(freeIps.getOrDefault(subnetId, List.of())));
    }

    @Override
    public IpAssignment addIpAssignment(long serverId, long subnetId, String ip) {
        call("addIpAssignment", serverId, subnetId, ip);
        InMemoryServer server = existing(serverId);
        if (snatchNextAddedIp) {
            snatchNextAddedIp = false;
            heldElsewhere.add(ip);
            freeIps.get(subnetId).remove(ip);
        }
        boolean held = heldElsewhere.contains(ip)
                || servers.values().stream().anyMatch(s -> s.ips.stream().anyMatch(a -> a.ip().equals(ip)));
        if (held) {
            throw refused(409);
        }
        freeIps.get(subnetId).remove(ip);
        boolean primary = server.ips.stream().noneMatch(IpAssignment::primary);
        IpAssignment assignment = new IpAssignment(nextAssignmentId++, ip, primary, subnets.get(subnetId).ipv4(),
                subnetId);
        server.ips.add(assignment);
        return answer("addIpAssignment", assignment);
    }

    @Override
    public void removeIpAssignment(long serverId, long assignmentId) {
        call("removeIpAssignment", serverId, assignmentId);
        InMemoryServer server = existing(serverId);
        IpAssignment removed = server.ips.stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> refused(404));
        server.ips.remove(removed);
        freeIps.computeIfAbsent(removed.subnetId(), s -> new ArrayList<>()).add(removed.ip());
        answer("removeIpAssignment", null);
    }

    @Override
    public List<ProvisioningProfile> provisioningProfiles(long serverId) {
        call("provisioningProfiles", serverId);
        existing(serverId);
        return answer("provisioningProfiles", List.copyOf(profiles));
    }

    @Override
    public List<ProvisioningProfile> pxeProfiles() {
        call("pxeProfiles");
        return answer("pxeProfiles", List.copyOf(profiles));
    }

    @Override
    public void startReinstallation(long serverId, long profileId, String hostname, String rootPassword) {
        call("startReinstallation", serverId, profileId, hostname);
        InMemoryServer server = existing(serverId);
        if (profiles.stream().noneMatch(p -> p.id() == profileId)) {
            throw refused(404);
        }
        if (server.busy) {
            throw refused(409);
        }
        server.start(profileId, hostname, rootPassword);
        answer("startReinstallation", null);
    }

    @Override
    public InstallStatus installStatus(long serverId) {
        call("installStatus", serverId);
        return answer("installStatus", existing(serverId).readStatus());
    }

    @Override
    public void power(long serverId, PowerAction action) {
        call("power", serverId, action);
        InMemoryServer server = existing(serverId);
        if (!server.powerFeatures.contains(action.method())) {
            throw refused(422);
        }
        server.power = action == PowerAction.OFF ? "off" : "on";
        answer("power", null);
    }

    @Override
    public List<SwitchPort> networkPorts(long serverId) {
        call("networkPorts", serverId);
        return answer("networkPorts", List.copyOf(existing(serverId).ports));
    }

    @Override
    public void setPortEnabled(long serverId, long portId, boolean enabled) {
        call("setPortEnabled", serverId, portId, enabled);
        InMemoryServer server = existing(serverId);
        SwitchPort port = server.port(portId);
        if (port == null) {
            throw refused(404);
        }
        if (!port.manageable()) {
            throw refused(422);
        }
        server.replacePort(new SwitchPort(port.id(), port.name(), port.switchName(), true, enabled));
        answer("setPortEnabled", null);
    }

    @Override
    public void setReverseDns(long serverId, String ip, String hostname) {
        call("setReverseDns", serverId, ip, hostname);
        InMemoryServer server = existing(serverId);
        IpAssignment a = server.ips.stream().filter(i -> i.ip().equals(ip)).findFirst()
                .orElseThrow(() -> refused(404));
        server.ips.set(server.ips.indexOf(a), new IpAssignment(a.id(), a.ip(), a.primary(), a.ipv4(), a.subnetId(),
                hostname));
        answer("setReverseDns", null);
    }

    @Override
    public URI ssoLink(long userId, String endpoint, Duration validFor) {
        call("ssoLink", userId, endpoint, validFor);
        if (!users.containsKey(userId)) {
            throw refused(404);
        }
        return answer("ssoLink", URI.create("https://tenantos.test/tokenLogin/sso-" + userId + "?to=" + endpoint));
    }

    @Override
    public void startRescue(long serverId, String rootPassword) {
        call("startRescue", serverId);
        InMemoryServer server = existing(serverId);
        if (server.busy || server.rescue) {
            throw refused(409);
        }
        server.rescue = true;
        server.rescuePassword = rootPassword;
        answer("startRescue", null);
    }

    @Override
    public void stopRescue(long serverId) {
        call("stopRescue", serverId);
        InMemoryServer server = existing(serverId);
        server.rescue = false;
        server.rescuePassword = null;
        answer("stopRescue", null);
    }

    @Override
    public List<TrafficSample> networkTraffic(long serverId, String mode, Instant from, Instant to) {
        call("networkTraffic", serverId, mode, from, to);
        return answer("networkTraffic", existing(serverId).traffic.stream()
                .filter(t -> !t.start().isBefore(from) && t.start().isBefore(to)).toList());
    }
}
