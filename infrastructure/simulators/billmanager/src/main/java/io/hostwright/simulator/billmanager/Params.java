package io.hostwright.simulator.billmanager;

import java.util.Map;
import java.util.Set;

/**
 * The parameters of one {@code /billmgr} call (query and form body together), with helpers that refuse with
 * BILLmanager's {@code missed} / {@code value} errors naming the parameter.
 */
record Params(Map<String, String> values) {

    /** Present and not blank. */
    boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }

    String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        if (!has(name)) {
            throw BillError.missed(name);
        }
        return values.get(name).trim();
    }

    /** Present and exactly {@code expected}. */
    void expect(String name, String expected) {
        if (!required(name).equals(expected)) {
            throw BillError.value(name, "must be '" + expected + "'");
        }
    }

    long id(String name) {
        String raw = required(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw BillError.value(name, "'" + raw + "' is not an id");
    }

    /** A whole number that is one of {@code allowed}. */
    int oneOf(String name, Set<Integer> allowed) {
        String raw = required(name);
        try {
            int value = Integer.parseInt(raw);
            if (allowed.contains(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw BillError.value(name, "must be one of " + allowed.stream().sorted().toList() + ", got '" + raw + "'");
    }

    /** A dotted IPv4 address. */
    String ipv4(String name) {
        String raw = required(name);
        if (!isIpv4(raw)) {
            throw BillError.value(name, "'" + raw + "' is not an IPv4 address");
        }
        return raw;
    }

    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A licence name: 1 to 255 characters. */
    String name(String param) {
        String raw = required(param);
        if (raw.length() > 255) {
            throw BillError.value(param, "at most 255 characters");
        }
        return raw;
    }
}
