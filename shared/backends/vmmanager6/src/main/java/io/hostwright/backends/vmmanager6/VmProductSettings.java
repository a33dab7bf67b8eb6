package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.SettingsReader;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A VPS product's VMmanager 6 settings ({@code moduleSettings}): the cluster, a preset or CPU / RAM / disk, the IPv4
 * pools (the cluster's when none), IPv6, the bandwidth limit, and whether the service may be active before the OS
 * install ends (the ISPsystem module's option). How long a task may take and how often it is looked at.
 */
record VmProductSettings(long clusterId, Long presetId, Integer cpuNumber, Long ramMib, Long diskMib,
                         List<Long> ipv4Pools, boolean ipv6, Integer bandwidthMbit, boolean activeBeforeInstallEnds,
                         Duration taskDeadline, Duration pollInterval, Duration poolRetry, Duration poolDeadline) {

    static final Set<String> KNOWN = Set.of("clusterId", "presetId", "cpuNumber", "ramMib", "diskMib", "ipv4Pools",
            "ipv6", "bandwidthMbit", "activeBeforeInstallEnds", "taskDeadline", "pollInterval", "poolRetry",
            "poolDeadline");

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
                r.duration("poolDeadline", Duration.ofHours(24)));
    }
}
