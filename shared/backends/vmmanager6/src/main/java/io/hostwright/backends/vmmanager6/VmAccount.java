package io.hostwright.backends.vmmanager6;

/** A VMmanager 6 account; {@code state} is {@code active} or {@code suspended}. */
public record VmAccount(long id, String email, String role, String state) {

    public boolean suspended() {
        return "suspended".equals(state);
    }
}
