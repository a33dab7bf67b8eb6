package io.hostwright.simulator.tenantos;

/** A TenantOS account as the simulator holds it (the password stays inside). */
public record SimulatedUser(long id, String name, String username, String email, long roleId) {

    static SimulatedUser of(UserState u) {
        return new SimulatedUser(u.id, u.name, u.username, u.email, u.roleId);
    }
}
