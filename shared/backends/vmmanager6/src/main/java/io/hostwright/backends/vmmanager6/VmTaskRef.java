package io.hostwright.backends.vmmanager6;

/**
 * What a change answers: the task it started ({@code consulId}), its name, and the host it is about.
 *
 * @param name the task's name as VMmanager lists it, e.g. {@code host_create}
 */
public record VmTaskRef(long hostId, String consulId, String name) {
}
