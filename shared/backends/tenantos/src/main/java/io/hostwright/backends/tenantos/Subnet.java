package io.hostwright.backends.tenantos;

/** A subnet IPs can be assigned from. */
public record Subnet(long id, String cidr, boolean ipv4) {
}
