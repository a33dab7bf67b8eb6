package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.SettingsReader;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A VPS product's VMmanager 6 settings ({@code moduleSettings}): the cluster, a preset or CPU / RAM / disk, the IPv4
 * pools (the cluster's when none), IPv6, the bandwidth limit, and whether the service may be active before the OS
 * install ends (the ISPsystem module's option). How long a task may take and how often it is looked at. With
 * {@code maxCpuNumber}, {@code maxRamMib} and {@code maxDiskMib} the customer may grow the VPS up to those.
 */
record VmProductSettings(long clusterId, Long presetId, Integer cpuNumber, Long ramMib, Long diskMib,
                         List<Long> ipv4Pools, boolean ipv6, Integer bandwidthMbit, boolean activeBeforeInstallEnds,
                         Duration taskDeadline, Duration pollInterval, Duration poolRetry, Duration poolDeadline,
                         VmSize maxSize) {

    static final Set<String> KNOWN = Set.of("clusterId", "presetId", "cpuNumber", "ramMib", "diskMib", "ipv4Pools",
            "ipv6", "bandwidthMbit", "activeBeforeInstallEnds", "taskDeadline", "pollInterval", "poolRetry",
            "poolDeadline", "maxCpuNumber", "maxRamMib", "maxDiskMib");

    /** The size the VPS is sold with; null when it is sold as a preset. */
    VmSize soldSize() {
        return presetId != null ? null : new VmSize(cpuNumber, ramMib, diskMib);
    }

    /** How far the customer may resize: all three limits, each at least the size sold; null when not resizable. */
    private static VmSize maxSize(SettingsReader r, Long cpu, Long ram, Long disk, Long preset) {
        Long maxCpu = r.optionalWhole("maxCpuNumber");
        Long maxRam = r.optionalWhole("maxRamMib");
        Long maxDisk = r.optionalWhole("maxDiskMib");
        if (maxCpu == null && maxRam == null && maxDisk == null) {
            return null;
        }
        if (preset != null) {
            r.problem("presetId", "a product sold as a preset cannot be resized; give cpuNumber, ramMib and diskMib");
            return null;
        }
        if (cpu == null || ram == null || disk == null) {
            return null;
        }
        long c = maxCpu == null ? cpu : maxCpu;
        long m = maxRam == null ? ram : maxRam;
        long d = maxDisk == null ? disk : maxDisk;
        if (c < cpu) {
            r.problem("maxCpuNumber", "must be at least cpuNumber");
        }
        if (m < ram || (m - ram) % 1024 != 0) {
            r.problem("maxRamMib", "must be ramMib plus whole 1024 MiB steps");
        }
        if (d < disk) {
            r.problem("maxDiskMib", "must be at least diskMib");
        }
        return new VmSize((int) c, m, d);
    }

    static VmProductSettings read(SettingsReader r) {
        r.onlyKnown(KNOWN);
        long cluster = r.requiredWhole("clusterId");
        Long preset = r.optionalWhole("presetId");
        Long cpu = r.optionalWhole("cpuNumber");
        Long ram = r.optionalWhole("ramMib");
        Long disk = r.optionalWhole("diskMib");
        if (preset == null && (cpu == null || ram == null || disk == null)) {
            r.problem(cpu == null ? "cpuNumber" : ram == null ? "ramMib" : "diskMib",
                    "is required unless presetId is given");
        }
        if (preset != null && (cpu != null || ram != null || disk != null)) {
            r.problem("presetId", "is either a preset or cpuNumber, ramMib and diskMib, not both");
        }
        if (cpu != null && (cpu < 1 || cpu > 240)) {
            r.problem("cpuNumber", "must be 1..240");
        }
        if (ram != null && (ram < 512 || ram % 512 != 0)) {
            r.problem("ramMib", "must be a multiple of 512 MiB, at least 512");
        }
        if (disk != null && disk < 1024) {
            r.problem("diskMib", "must be at least 1024 MiB");
        }
        Long bandwidth = r.optionalWhole("bandwidthMbit");
        List<Long> pools = r.wholeList("ipv4Pools");
        return new VmProductSettings(cluster, preset, cpu == null ? null : cpu.intValue(), ram, disk, pools,
                r.flag("ipv6", false), bandwidth == null ? null : bandwidth.intValue(),
                r.flag("activeBeforeInstallEnds", false), r.duration("taskDeadline", Duration.ofMinutes(30)),
                r.duration("pollInterval", Duration.ofSeconds(5)), r.duration("poolRetry", Duration.ofMinutes(5)),
                r.duration("poolDeadline", Duration.ofHours(24)), maxSize(r, cpu, ram, disk, preset));
    }
}
