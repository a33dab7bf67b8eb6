package io.hostwright.simulator.vmmanager6;

/** Dotted IPv4 text ↔ a number. */
final class Ipv4 {

    static final long MAX = 0xFFFF_FFFFL;

    private Ipv4() {
    }

    static long parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not an IPv4 address: " + text);
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("Not an IPv4 address: " + text);
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    static String format(long value) {
        return (value >>> 24 & 255) + "." + (value >>> 16 & 255) + "." + (value >>> 8 & 255) + "." + (value & 255);
    }
}
