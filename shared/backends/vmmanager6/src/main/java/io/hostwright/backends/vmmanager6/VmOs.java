package io.hostwright.backends.vmmanager6;

/** An OS template and the repository it comes from. */
public record VmOs(long id, String name, String repository, String state) {
}
