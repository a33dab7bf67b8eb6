package io.hostwright.backends.vmmanager6;

import java.util.List;

/**
 * A VMmanager 6 host (virtual machine).
 *
 * @param state {@code creating}, {@code active}, {@code stopped}, {@code reinstalling}, {@code changing},
 *              {@code deleting} or {@code failed}
 * @param power {@code on} or {@code off}
 */
public record VmHost(long id, String name, String comment, String state, Long accountId, Long osId, String osName,
                     int cpuNumber, long ramMib, List<VmDisk> disks, List<String> ipv4, String power) {

    public VmHost {
        disks = disks == null ? List.of() : List.copyOf(disks);
        ipv4 = ipv4 == null ? List.of() : List.copyOf(ipv4);
    }

    /** The disk the OS is on (the first), if VMmanager listed any. */
    public VmDisk mainDisk() {
        return disks.isEmpty() ? null : disks.getFirst();
    }

    public record VmDisk(long id, long sizeMib) {
    }
}
