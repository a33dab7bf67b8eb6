package io.hostwright.backends.tenantos;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the TenantOS module remembers about one service between steps. Empty fields are null / empty. */
record TenantOsServiceState(Long userId, Long serverId, String mainIp, List<String> additionalIps, Long profileId,
                            Instant installStartedAt, Instant stockWaitSince, boolean staffToldNoStock) {

    static TenantOsServiceState from(Map<String, String> m) {
        return new TenantOsServiceState(
                m.containsKey("userId") ? Long.valueOf(m.get("userId")) : null,
                m.containsKey("serverId") ? Long.valueOf(m.get("serverId")) : null,
                m.get("mainIp"),
                m.getOrDefault("additionalIps", "").isEmpty() ? List.of()
                        : Arrays.asList(m.get("additionalIps").split(",")),
                m.containsKey("profileId") ? Long.valueOf(m.get("profileId")) : null,
                m.containsKey("installStartedAt") ? Instant.parse(m.get("installStartedAt")) : null,
                m.containsKey("stockWaitSince") ? Instant.parse(m.get("stockWaitSince")) : null,
                Boolean.parseBoolean(m.get("staffToldNoStock")));
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (userId != null) m.put("userId", userId.toString());
        if (serverId != null) m.put("serverId", serverId.toString());
        if (mainIp != null) m.put("mainIp", mainIp);
        if (!additionalIps.isEmpty()) m.put("additionalIps", String.join(",", additionalIps));
        if (profileId != null) m.put("profileId", profileId.toString());
        if (installStartedAt != null) m.put("installStartedAt", installStartedAt.toString());
        if (stockWaitSince != null) m.put("stockWaitSince", stockWaitSince.toString());
        if (staffToldNoStock) m.put("staffToldNoStock", "true");
        return m;
    }

    TenantOsServiceState withUser(long id) {
        return new TenantOsServiceState(id, serverId, mainIp, additionalIps, profileId, installStartedAt, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState withServer(long id) {
        return new TenantOsServiceState(userId, id, mainIp, additionalIps, profileId, installStartedAt, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState withIps(String main, List<String> additional) {
        return new TenantOsServiceState(userId, serverId, main, List.copyOf(additional), profileId, installStartedAt, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState withInstall(long profile, Instant at) {
        return new TenantOsServiceState(userId, serverId, mainIp, additionalIps, profile, at, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState waitingForStock(Instant since, boolean told) {
        return new TenantOsServiceState(userId, serverId, mainIp, additionalIps, profileId, installStartedAt, since, told);
    }
}
