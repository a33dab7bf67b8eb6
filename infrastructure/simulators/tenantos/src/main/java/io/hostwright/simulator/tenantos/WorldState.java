package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.StateJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the simulated TenantOS holds, as JSON kept across restarts (see {@code StateFile}): servers with their
 * owner, OS, install or wipe under way, IPs, ports, power and every byte their switch counted; users, subnets,
 * profiles and client-area tokens. Faults, settings and the call log are the test's instruments, not TenantOS's
 * state, and start afresh. Installs under way go on counting while the simulator is stopped: one whose time is up by
 * the next start has ended.
 */
record WorldState(int version, List<ServerSnapshot> servers, List<UserSnapshot> users, List<Seed.Role> roles,
                  List<SubnetSnapshot> subnets, List<Seed.Os> os, List<Seed.Profile> profiles,
                  List<SsoTokenSnapshot> ssoTokens, long nextUserId, long nextAssignmentId) {

    static final int VERSION = 1;

    record ServerSnapshot(long id, String servername, String cpuModel, long memoryMb, String hostname, Long userId,
                          String os, List<String> tags, String powerStatus, List<String> powerFeatures,
                          List<Long> suspendUserIds, InstallJob.Snapshot install, String rootPassword,
                          boolean rescueBootRunning, String rescuePassword, List<AssignmentSnapshot> assignments,
                          List<Seed.Port> ports, TrafficMeter.State traffic) {
    }

    record AssignmentSnapshot(long id, String ip, long subnetId, boolean primary, String rdns) {
    }

    record UserSnapshot(long id, String name, String username, String email, String password, long roleId) {
    }

    record SubnetSnapshot(long id, String cidr, String gateway, String type, List<Long> pool) {
    }

    record SsoTokenSnapshot(String token, long userId, String endpoint, Instant expiresAt, boolean used) {
    }

    /** Called under the world's lock. */
    static String write(World world) {
        List<ServerSnapshot> servers = new ArrayList<>();
        for (ServerState s : world.servers.values()) {
            servers.add(new ServerSnapshot(s.id, s.servername, s.cpuModel, s.memoryMb, s.hostname, s.userId, s.os,
                    s.tags, s.powerStatus, s.powerFeatures, s.suspendUserIds,
                    s.install == null ? null : s.install.snapshot(), s.rootPassword, s.rescueBootRunning,
                    s.rescuePassword,
                    s.assignments.stream().map(a -> new AssignmentSnapshot(a.id, a.ip, a.subnetId, a.primary, a.rdns))
                            .toList(),
                    s.ports.stream().map(p -> new Seed.Port(p.id, p.name, p.switchName, p.manageable, p.enabled))
                            .toList(),
                    s.traffic.state()));
        }
        WorldState state = new WorldState(VERSION, servers,
                world.users.values().stream().map(u -> new UserSnapshot(u.id, u.name, u.username, u.email, u.password,
                        u.roleId)).toList(),
                List.copyOf(world.roles.values()),
                world.subnets.values().stream().map(s -> new SubnetSnapshot(s.id, s.cidr, s.gateway, s.type,
                        List.copyOf(s.pool))).toList(),
                List.copyOf(world.os),
                List.copyOf(world.profiles.values()),
                world.ssoTokens.values().stream().map(t -> new SsoTokenSnapshot(t.token, t.userId, t.endpoint,
                        t.expiresAt, t.used)).toList(),
                world.nextUserId, world.nextAssignmentId);
        return StateJson.write(state, "TenantOS");
    }

    static WorldState read(String json) {
        return StateJson.read(json, WorldState.class, "TenantOS", WorldState::version, VERSION);
    }

    /** Replaces everything the world holds with this state (under the world's lock, see {@link World#restore}). */
    void applyTo(World world) {
        world.roles.clear();
        roles.forEach(r -> world.roles.put(r.id(), r));
        world.users.clear();
        users.forEach(u -> world.users.put(u.id(), new UserState(u.id(), u.name(), u.username(), u.email(),
                u.password(), u.roleId())));
        world.subnets.clear();
        for (SubnetSnapshot s : subnets) {
            SubnetState subnet = new SubnetState(new Seed.Subnet(s.id(), s.cidr(), s.gateway(), s.type(), List.of()));
            subnet.pool.addAll(s.pool());
            world.subnets.put(subnet.id, subnet);
        }
        world.os.clear();
        world.os.addAll(os);
        world.profiles.clear();
        profiles.forEach(p -> world.profiles.put(p.id(), p));
        world.ssoTokens.clear();
        for (SsoTokenSnapshot t : ssoTokens) {
            SsoTokenState token = new SsoTokenState(t.token(), t.userId(), t.endpoint(), t.expiresAt());
            token.used = t.used();
            world.ssoTokens.put(token.token, token);
        }
        world.servers.clear();
        for (ServerSnapshot s : servers) {
            ServerState server = new ServerState(new Seed.Server(s.id(), s.hostname(), s.servername(), s.tags(),
                    s.cpuModel(), s.memoryMb(), "", s.userId(), s.os(), s.powerFeatures(), s.ports(),
                    s.traffic().rate()), Instant.ofEpochMilli(s.traffic().counterSince()));
            server.powerStatus = s.powerStatus();
            server.suspendUserIds = List.copyOf(s.suspendUserIds());
            server.rootPassword = s.rootPassword();
            server.rescueBootRunning = s.rescueBootRunning();
            server.rescuePassword = s.rescuePassword();
            for (AssignmentSnapshot a : s.assignments()) {
                AssignmentState assignment = new AssignmentState(a.id(), a.ip(), a.subnetId(), a.primary());
                assignment.rdns = a.rdns();
                server.assignments.add(assignment);
            }
            server.traffic.restore(s.traffic());
            world.servers.put(server.id, server);
            if (s.install() != null) {
                world.startInstall(server, InstallJob.restore(s.install()));
            }
        }
        world.nextUserId = nextUserId;
        world.nextAssignmentId = nextAssignmentId;
    }
}
