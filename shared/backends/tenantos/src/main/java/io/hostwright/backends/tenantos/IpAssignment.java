package io.hostwright.backends.tenantos;

/**
 * One IP assigned to a server; the primary one is never removed.
 *
 * @param rdns the reverse DNS name set on it, null when none (or unknown)
 */
public record IpAssignment(long id, String ip, boolean primary, boolean ipv4, long subnetId, String rdns) {

    public IpAssignment(long id, String ip, boolean primary, boolean ipv4, long subnetId) {
        this(id, ip, primary, ipv4, subnetId, null);
    }
}
