package io.hostwright.backends.vmmanager6;

/** An IPv4 address of a host, with its reverse DNS name (null when none is set). */
public record VmIp(long id, String ip, String ptr) {
}
