package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A TenantOS port whose every call first throws the queued failures, then answers; it records the calls made. */
final class ScriptedApi implements TenantOsApi {

    static final TenantOsServer SERVER = new TenantOsServer(101, "stock-101", 0, "203.0.113.11", List.of("forRent"),
            false, false, "Intel Xeon E-2388G", 65536);
    static final TenantOsUser USER = new TenantOsUser(7, "ada@example.com", "ada", 3);
    static final IpAssignment ASSIGNMENT = new IpAssignment(5001, "203.0.113.40", false, true, 10);
    static final SwitchPort PORT = new SwitchPort(1011, "eth0", "sw-r1", true, true);
    static final URI SSO_LINK = URI.create("https://tenantos.example.com/tokenLogin/abc123");

    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    ScriptedApi failing(RuntimeException... next) {
        failures.addAll(List.of(next));
        return this;
    }

    private void call(String name) {
        calls.add(name);
        RuntimeException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }

    @Override
    public Optional<TenantOsUser> findUserByEmail(String email) {
        call("findUserByEmail");
        return Optional.of(USER);
    }

    @Override
    public TenantOsUser createUser(String name, String username, String email, String password, long roleId) {
        call("createUser");
        return USER;
    }

    @Override
    public List<TenantOsServer> serversByTags(List<String> tags) {
        call("serversByTags");
        return List.of(SERVER);
    }

    @Override
    public TenantOsServer server(long serverId) {
        call("server");
        return SERVER;
    }

    @Override
    public TenantOsServer updateServer(long serverId, long ownerUserId, String hostname, List<String> tags) {
        call("updateServer");
        return SERVER;
    }

    @Override
    public List<IpAssignment> ipAssignments(long serverId) {
        call("ipAssignments");
        return List.of(ASSIGNMENT);
    }

    @Override
    public List<Subnet> assignableSubnets(long serverId) {
        call("assignableSubnets");
        return List.of(new Subnet(10, "203.0.113.0/24", true));
    }

    @Override
    public List<String> assignableIps(long serverId, long subnetId) {
        call("assignableIps");
        return List.of("203.0.113.40");
    }

    @Override
    public IpAssignment addIpAssignment(long serverId, long subnetId, String ip) {
        call("addIpAssignment");
        return ASSIGNMENT;
    }

    @Override
    public void removeIpAssignment(long serverId, long assignmentId) {
        call("removeIpAssignment");
    }

    @Override
    public List<ProvisioningProfile> provisioningProfiles(long serverId) {
        call("provisioningProfiles");
        return List.of(new ProvisioningProfile(12, "Debian 12"));
    }

    @Override
    public List<ProvisioningProfile> pxeProfiles() {
        call("pxeProfiles");
        return List.of(new ProvisioningProfile(12, "Debian 12"), new ProvisioningProfile(90, "Wipe", List.of("wipe")));
    }

    @Override
    public void startReinstallation(long serverId, long profileId, String hostname, String rootPassword) {
        call("startReinstallation");
    }

    @Override
    public InstallStatus installStatus(long serverId) {
        call("installStatus");
        return new InstallStatus(InstallStatus.State.RUNNING, 40, "");
    }

    @Override
    public void setSuspendedUsers(long serverId, List<Long> userIds) {
        call("setSuspendedUsers");
    }

    @Override
    public List<TenantOsServer> serversOwnedBy(long userId) {
        call("serversOwnedBy");
        return List.of(SERVER);
    }

    @Override
    public void deleteUser(long userId) {
        call("deleteUser");
    }

    /** Recorded as {@code power ON}, {@code power OFF}, {@code power RESET}. */
    @Override
    public void power(long serverId, PowerAction action) {
        call("power " + action);
    }

    @Override
    public List<SwitchPort> networkPorts(long serverId) {
        call("networkPorts");
        return List.of(PORT);
    }

    @Override
    public void setPortEnabled(long serverId, long portId, boolean enabled) {
        call("setPortEnabled");
    }

    @Override
    public void setReverseDns(long serverId, String ip, String hostname) {
        call("setReverseDns");
    }

    @Override
    public URI ssoLink(long userId, String endpoint, Duration validFor) {
        call("ssoLink");
        return SSO_LINK;
    }

    @Override
    public void startRescue(long serverId, String rootPassword) {
        call("startRescue");
    }

    @Override
    public void stopRescue(long serverId) {
        call("stopRescue");
    }

    @Override
    public List<TrafficSample> networkTraffic(long serverId, String mode, Instant from, Instant to) {
        call("networkTraffic");
        return List.of(new TrafficSample(from, 1_000, 4_000));
    }
}
