package io.hostwright.simulator.tenantos;

import java.util.ArrayList;
import java.util.List;

/** IPv4 addresses as unsigned 32-bit numbers, so ranges sort and compare like the addresses they are. */
final class Ipv4 {

    private Ipv4() {
    }

    static long parse(String address) {
        String[] parts = address.trim().split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not an IPv4 address: " + address);
        }
        long value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("Not an IPv4 address: " + address);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static boolean isAddress(String text) {
        try {
            parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    static long network(String cidr) {
        return parse(cidr.substring(0, cidr.indexOf('/'))) & mask(prefix(cidr));
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    static boolean contains(String cidr, long address) {
        return (address & mask(prefix(cidr))) == network(cidr);
    }

    /** {@code "203.0.113.40-203.0.113.79"} or a single address. */
    static List<Long> expand(String rangeOrAddress) {
        String[] ends = rangeOrAddress.split("-");
        long first = parse(ends[0]);
        long last = ends.length == 1 ? first : parse(ends[1]);
        if (last < first || last - first > 65_536) {
            throw new IllegalArgumentException("Bad IP range: " + rangeOrAddress);
        }
        List<Long> addresses = new ArrayList<>();
        for (long a = first; a <= last; a++) {
            addresses.add(a);
        }
        return addresses;
    }
}
