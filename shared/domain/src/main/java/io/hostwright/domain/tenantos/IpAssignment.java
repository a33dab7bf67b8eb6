package io.hostwright.domain.tenantos;

/** One IP assigned to a server; the primary one is never removed. */
public record IpAssignment(long id, String ip, boolean primary, boolean ipv4, long subnetId) {
}
