package io.hostwright.domain.tenantos;

/** A subnet IPs can be assigned from. */
public record Subnet(long id, String cidr, boolean ipv4) {
}
