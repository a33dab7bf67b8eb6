package io.hostwright.simulator.vmmanager6;

/** An account as the world holds it (password included). */
final class AccountState {

    final long id;
    final String email;
    final String password;
    final String role;
    boolean suspended;

    AccountState(long id, String email, String password, String role) {
        this.id = id;
        this.email = email;
        this.password = password;
        this.role = role;
    }

    String state() {
        return suspended ? "suspended" : "active";
    }
}
