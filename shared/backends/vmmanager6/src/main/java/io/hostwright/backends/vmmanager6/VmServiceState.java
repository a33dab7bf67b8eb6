package io.hostwright.backends.vmmanager6;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the VMmanager 6 module remembers about one service between steps.
 *
 * @param accountCreated the account was created for this order (not found), so it may go again with the service
 * @param createTask     the consul id of the host_create task, when the create's answer arrived
 * @param createdAt      when the host was asked for (the task deadline counts from it)
 * @param waitingSince   since when the order waits for IPv4 addresses or cluster room; null when it does not
 * @param size           the size after a resize; null while it is the size the service was sold with
 */
record VmServiceState(Long accountId, boolean accountCreated, Long hostId, String createTask, Instant createdAt,
                      List<String> ips, Instant waitingSince, boolean staffToldWaiting, VmSize size) {

    static final VmServiceState EMPTY = new VmServiceState(null, false, null, null, null, List.of(), null, false,
            null);

    static VmServiceState from(Map<String, String> m) {
        return new VmServiceState(longOrNull(m, "accountId"), Boolean.parseBoolean(m.get("accountCreated")),
                longOrNull(m, "hostId"), m.get("createTask"),
                m.containsKey("createdAt") ? Instant.parse(m.get("createdAt")) : null,
                m.getOrDefault("ips", "").isEmpty() ? List.of() : Arrays.asList(m.get("ips").split(",")),
                m.containsKey("waitingSince") ? Instant.parse(m.get("waitingSince")) : null,
                Boolean.parseBoolean(m.get("staffToldWaiting")),
                m.containsKey("size") ? VmSize.parse(m.get("size")) : null);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (accountId != null) m.put("accountId", accountId.toString());
        if (accountCreated) m.put("accountCreated", "true");
        if (hostId != null) m.put("hostId", hostId.toString());
        if (createTask != null) m.put("createTask", createTask);
        if (createdAt != null) m.put("createdAt", createdAt.toString());
        if (!ips.isEmpty()) m.put("ips", String.join(",", ips));
        if (waitingSince != null) m.put("waitingSince", waitingSince.toString());
        if (staffToldWaiting) m.put("staffToldWaiting", "true");
        if (size != null) m.put("size", size.stored());
        return m;
    }

    private static Long longOrNull(Map<String, String> m, String key) {
        return m.containsKey(key) ? Long.valueOf(m.get(key)) : null;
    }

    VmServiceState withAccount(long id, boolean created) {
        return new VmServiceState(id, created, hostId, createTask, createdAt, ips, waitingSince, staffToldWaiting,
                size);
    }

    VmServiceState withHost(long id, String task, Instant at) {
        return new VmServiceState(accountId, accountCreated, id, task, at, ips, null, false, size);
    }

    VmServiceState withIps(List<String> addresses) {
        return new VmServiceState(accountId, accountCreated, hostId, createTask, createdAt, List.copyOf(addresses),
                waitingSince, staffToldWaiting, size);
    }

    VmServiceState waiting(Instant since, boolean told) {
        return new VmServiceState(accountId, accountCreated, hostId, createTask, createdAt, ips, since, told, size);
    }

    VmServiceState withoutHost() {
        return new VmServiceState(accountId, accountCreated, null, null, null, List.of(), null, false, null);
    }

    VmServiceState withoutAccount() {
        return new VmServiceState(null, false, hostId, createTask, createdAt, ips, waitingSince, staffToldWaiting,
                size);
    }

    VmServiceState withSize(VmSize newSize) {
        return new VmServiceState(accountId, accountCreated, hostId, createTask, createdAt, ips, waitingSince,
                staffToldWaiting, newSize);
    }

    String mainIp() {
        return ips.isEmpty() ? null : ips.getFirst();
    }
}
