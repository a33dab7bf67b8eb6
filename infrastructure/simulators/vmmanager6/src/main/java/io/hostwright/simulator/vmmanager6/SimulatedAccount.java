package io.hostwright.simulator.vmmanager6;

/** An account (never its password). @param role {@code @admin} or {@code @user} */
public record SimulatedAccount(long id, String email, String role, boolean suspended) {

    static SimulatedAccount of(AccountState a) {
        return new SimulatedAccount(a.id, a.email, a.role, a.suspended);
    }
}
