package io.hostwright.domain.control;

/** One address of the server. @param reverseDns null when none is set */
public record IpAddress(String ip, boolean primary, int version, String reverseDns) {
}
