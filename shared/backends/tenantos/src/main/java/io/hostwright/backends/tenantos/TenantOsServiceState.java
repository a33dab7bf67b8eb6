package io.hostwright.backends.tenantos;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the TenantOS module remembers about one service between steps. Empty fields are null / empty.
 *
 * @param userCreated        the TenantOS user was created for this order (not found by e-mail), so an order that
 *                           never got a server may remove it again; set before the create call, so a lost answer
 *                           does not make it look found
 * @param claimingServerId   the server being claimed, written before the claim: a redelivery after a crash between
 *                           claim and {@code serverId} finds and finishes (or gives back) that claim
 * @param installSeenRunning the installation this service started was seen running (see {@link InstallJobWatch})
 */
record TenantOsServiceState(Long userId, boolean userCreated, Long serverId, Long claimingServerId, String mainIp,
                            List<String> additionalIps, Long profileId, Instant installStartedAt,
                            boolean installSeenRunning, Instant stockWaitSince, boolean staffToldNoStock) {

    static TenantOsServiceState from(Map<String, String> m) {
        return new TenantOsServiceState(
                longOrNull(m, "userId"),
                Boolean.parseBoolean(m.get("userCreated")),
                longOrNull(m, "serverId"),
                longOrNull(m, "claimingServerId"),
                m.get("mainIp"),
                m.getOrDefault("additionalIps", "").isEmpty() ? List.of()
                        : Arrays.asList(m.get("additionalIps").split(",")),
                longOrNull(m, "profileId"),
                m.containsKey("installStartedAt") ? Instant.parse(m.get("installStartedAt")) : null,
                Boolean.parseBoolean(m.get("installSeenRunning")),
                m.containsKey("stockWaitSince") ? Instant.parse(m.get("stockWaitSince")) : null,
                Boolean.parseBoolean(m.get("staffToldNoStock")));
    }

    private static Long longOrNull(Map<String, String> m, String key) {
        return m.containsKey(key) ? Long.valueOf(m.get(key)) : null;
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (userId != null) m.put("userId", userId.toString());
        if (userCreated) m.put("userCreated", "true");
        if (serverId != null) m.put("serverId", serverId.toString());
        if (claimingServerId != null) m.put("claimingServerId", claimingServerId.toString());
        if (mainIp != null) m.put("mainIp", mainIp);
        if (!additionalIps.isEmpty()) m.put("additionalIps", String.join(",", additionalIps));
        if (profileId != null) m.put("profileId", profileId.toString());
        if (installStartedAt != null) m.put("installStartedAt", installStartedAt.toString());
        if (installSeenRunning) m.put("installSeenRunning", "true");
        if (stockWaitSince != null) m.put("stockWaitSince", stockWaitSince.toString());
        if (staffToldNoStock) m.put("staffToldNoStock", "true");
        return m;
    }

    TenantOsServiceState withUser(long id, boolean created) {
        return new TenantOsServiceState(id, created, serverId, claimingServerId, mainIp, additionalIps, profileId,
                installStartedAt, installSeenRunning, stockWaitSince, staffToldNoStock);
    }

    /** About to create the customer's user: a retry that then finds it by e-mail knows it is this order's. */
    TenantOsServiceState creatingUser() {
        return new TenantOsServiceState(null, true, serverId, claimingServerId, mainIp, additionalIps, profileId,
                installStartedAt, installSeenRunning, stockWaitSince, staffToldNoStock);
    }

    /** About to claim {@code id} (null: no claim in progress). */
    TenantOsServiceState claiming(Long id) {
        return new TenantOsServiceState(userId, userCreated, serverId, id, mainIp, additionalIps, profileId,
                installStartedAt, installSeenRunning, stockWaitSince, staffToldNoStock);
    }

    /** The claim of {@code id} stands; the stock wait is over. */
    TenantOsServiceState withServer(long id) {
        return new TenantOsServiceState(userId, userCreated, id, null, mainIp, additionalIps, profileId,
                installStartedAt, installSeenRunning, null, staffToldNoStock);
    }

    TenantOsServiceState withIps(String main, List<String> additional) {
        return new TenantOsServiceState(userId, userCreated, serverId, claimingServerId, main, List.copyOf(additional),
                profileId, installStartedAt, installSeenRunning, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState withInstall(long profile, Instant at, boolean seenRunning) {
        return new TenantOsServiceState(userId, userCreated, serverId, claimingServerId, mainIp, additionalIps, profile,
                at, seenRunning, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState withInstallSeenRunning() {
        return new TenantOsServiceState(userId, userCreated, serverId, claimingServerId, mainIp, additionalIps,
                profileId, installStartedAt, true, stockWaitSince, staffToldNoStock);
    }

    TenantOsServiceState waitingForStock(Instant since, boolean told) {
        return new TenantOsServiceState(userId, userCreated, serverId, claimingServerId, mainIp, additionalIps,
                profileId, installStartedAt, installSeenRunning, since, told);
    }

    /** The user was removed again (the order never got a server). */
    TenantOsServiceState withoutUser() {
        return new TenantOsServiceState(null, false, serverId, claimingServerId, mainIp, additionalIps, profileId,
                installStartedAt, installSeenRunning, stockWaitSince, staffToldNoStock);
    }
}
