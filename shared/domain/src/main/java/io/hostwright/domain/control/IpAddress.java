package io.hostwright.domain.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One address of the server. @param reverseDns null when none is set */
public record IpAddress(String ip, boolean primary, int version, String reverseDns) {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** An IPv4 or IPv6 address as written ({@code 203.0.113.10}, {@code 2001:db8::1}); never a name to look up. */
    public static boolean isLiteral(String ip) {
        if (ip == null) {
            return false;
        }
        if (V4.matcher(ip).matches()) {
            return true;
        }
        if (!ip.contains(":") || !V6_CHARACTERS.matcher(ip).matches()) {
            return false;
        }
        try {
            // with a colon and only these characters it is parsed as an IPv6 literal, never resolved
            InetAddress.getByName(ip);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
