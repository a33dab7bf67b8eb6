package io.hostwright.simulator.tenantos;

/** A TenantOS account. The password is kept, never answered. Guarded by the {@link World} lock. */
final class UserState {

    final long id;
    String name;
    String username;
    String email;
    String password;
    long roleId;

    UserState(long id, String name, String username, String email, String password, long roleId) {
        this.id = id;
        this.name = name;
        this.username = username;
        this.email = email;
        this.password = password;
        this.roleId = roleId;
    }
}
