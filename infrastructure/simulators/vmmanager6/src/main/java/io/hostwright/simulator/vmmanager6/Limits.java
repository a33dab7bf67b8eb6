package io.hostwright.simulator.vmmanager6;

/** The simulator's bounds on what a call may ask for (VMmanager's own are not public). */
final class Limits {

    static final long MAX_ID = Long.MAX_VALUE;
    static final long MAX_CPU = 240;
    static final long MIN_RAM_MIB = 128;
    static final long MAX_RAM_MIB = 4_194_304;
    static final long MIN_DISK_MIB = 1_024;
    static final long MAX_DISK_MIB = 67_108_864;
    static final long MAX_IPV4 = 64;
    static final long MAX_BANDWIDTH_MBITPS = 100_000;
    static final int MAX_NAME = 100;

    private Limits() {
    }

    /** LDH labels, at least two, a trailing dot allowed: what a PTR record or a host's domain may hold. */
    static boolean isDomain(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return name.length() <= 253
                && name.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    }
}
