package io.hostwright.backends.tenantos;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the TenantOS lifecycle remembers about a service between steps (kept apart from provisioning's state):
 * which switch ports a suspension took down (so unsuspension brings up those and no others), whether the server was
 * on before, when the wipe started, the reinstall in progress, and whether that wipe or reinstall was seen running.
 */
record TenantOsLifecycleState(List<Long> disabledPorts, boolean poweredOffBySuspension, Instant wipeStartedAt,
                              String reinstallOperationId, Instant reinstallStartedAt, boolean jobSeenRunning) {

    static final String MODULE_STATE = "tenantos-lifecycle";

    static TenantOsLifecycleState from(Map<String, String> m) {
        return new TenantOsLifecycleState(
                m.getOrDefault("disabledPorts", "").isEmpty() ? List.of()
                        : Arrays.stream(m.get("disabledPorts").split(",")).map(Long::valueOf).toList(),
                Boolean.parseBoolean(m.get("poweredOffBySuspension")),
                m.containsKey("wipeStartedAt") ? Instant.parse(m.get("wipeStartedAt")) : null,
                m.get("reinstallOperationId"),
                m.containsKey("reinstallStartedAt") ? Instant.parse(m.get("reinstallStartedAt")) : null,
                Boolean.parseBoolean(m.get("jobSeenRunning")));
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!disabledPorts.isEmpty()) {
            m.put("disabledPorts", String.join(",", disabledPorts.stream().map(String::valueOf).toList()));
        }
        if (poweredOffBySuspension) m.put("poweredOffBySuspension", "true");
        if (wipeStartedAt != null) m.put("wipeStartedAt", wipeStartedAt.toString());
        if (reinstallOperationId != null) m.put("reinstallOperationId", reinstallOperationId);
        if (reinstallStartedAt != null) m.put("reinstallStartedAt", reinstallStartedAt.toString());
        if (jobSeenRunning) m.put("jobSeenRunning", "true");
        return m;
    }

    TenantOsLifecycleState withDisabledPorts(List<Long> ports) {
        return new TenantOsLifecycleState(List.copyOf(ports), poweredOffBySuspension, wipeStartedAt,
                reinstallOperationId, reinstallStartedAt, jobSeenRunning);
    }

    TenantOsLifecycleState withPoweredOffBySuspension(boolean off) {
        return new TenantOsLifecycleState(disabledPorts, off, wipeStartedAt, reinstallOperationId, reinstallStartedAt,
                jobSeenRunning);
    }

    TenantOsLifecycleState withWipeStarted(Instant at) {
        return new TenantOsLifecycleState(disabledPorts, poweredOffBySuspension, at, reinstallOperationId,
                reinstallStartedAt, false);
    }

    TenantOsLifecycleState withReinstall(String operationId, Instant at) {
        return new TenantOsLifecycleState(disabledPorts, poweredOffBySuspension, wipeStartedAt, operationId, at, false);
    }

    /** The wipe or reinstall last started was seen running: its "finished" is its own, not the job before it's. */
    TenantOsLifecycleState withJobSeenRunning() {
        return new TenantOsLifecycleState(disabledPorts, poweredOffBySuspension, wipeStartedAt, reinstallOperationId,
                reinstallStartedAt, true);
    }
}
