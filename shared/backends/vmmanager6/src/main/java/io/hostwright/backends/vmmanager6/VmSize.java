package io.hostwright.backends.vmmanager6;

import java.util.Locale;

/** A VPS's size: CPUs, RAM and the main disk. */
record VmSize(int cpuNumber, long ramMib, long diskMib) {

    /** Stored as {@code cpu/ramMib/diskMib}. */
    static VmSize parse(String stored) {
        String[] parts = stored.split("/");
        return new VmSize(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    String stored() {
        return cpuNumber + "/" + ramMib + "/" + diskMib;
    }

    /** As a customer reads it: {@code 4 vCPU, 8 GB RAM, 100 GB disk}. */
    String words() {
        return String.format(Locale.ROOT, "%d vCPU, %s RAM, %s disk", cpuNumber, gb(ramMib), gb(diskMib));
    }

    private static String gb(long mib) {
        return mib % 1024 == 0 ? (mib / 1024) + " GB" : mib + " MiB";
    }
}
