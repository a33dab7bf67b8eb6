package io.hostwright.domain.licence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service's control-panel licence as Hostwright keeps it: which licence it holds (or that one is still being got),
 * until when it runs, and why it is not there yet. The key itself is one of the service's secrets.
 *
 * @param serverIp  the server's main IP the licence is for
 * @param licenceId null while none is attached
 * @param reason    why it is pending (for staff and the customer's view); null otherwise
 */
public record LicenceRecord(State state, String connectionId, long pricelist, String panel, String serverIp,
                            String licenceId, Instant expiresAt, boolean reused, String reason, Instant since) {

    public enum State {
        /** Being got: the server is up, the licence is not yet (retried). */
        PENDING,
        /** On the server's IP, its key with the customer. */
        ACTIVE,
        /** The service ended, but giving the licence back to the pool failed; the daily run finishes it. */
        RELEASE_PENDING,
        /** Back in the pool (or never got). */
        RETURNED
    }

    /** The name of the service secret holding the licence's activation key. */
    public static final String KEY_SECRET = "licence-key";

    public LicenceRecord {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(connectionId, "connectionId");
    }

    public LicenceRecord with(State newState, String newReason, Instant at) {
        return new LicenceRecord(newState, connectionId, pricelist, panel, serverIp, licenceId, expiresAt, reused,
                newReason, at);
    }

    public LicenceRecord attached(String id, Instant expiry, boolean wasReused, Instant at) {
        return new LicenceRecord(State.ACTIVE, connectionId, pricelist, panel, serverIp, id, expiry, wasReused, null,
                at);
    }

    public LicenceRecord expiring(Instant expiry) {
        return new LicenceRecord(state, connectionId, pricelist, panel, serverIp, licenceId, expiry, reused, reason,
                since);
    }

    public LicenceRecord on(String ip) {
        return new LicenceRecord(state, connectionId, pricelist, panel, ip, licenceId, expiresAt, reused, reason, since);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state", state.name());
        m.put("connectionId", connectionId);
        m.put("pricelist", Long.toString(pricelist));
        m.put("panel", panel);
        put(m, "serverIp", serverIp);
        put(m, "licenceId", licenceId);
        put(m, "expiresAt", expiresAt == null ? null : expiresAt.toString());
        m.put("reused", Boolean.toString(reused));
        put(m, "reason", reason);
        put(m, "since", since == null ? null : since.toString());
        return m;
    }

    static LicenceRecord fromMap(Map<String, String> m) {
        return new LicenceRecord(State.valueOf(m.get("state")), m.get("connectionId"),
                Long.parseLong(m.getOrDefault("pricelist", "0")), m.getOrDefault("panel", ""), m.get("serverIp"), m.get("licenceId"),
                instant(m.get("expiresAt")), Boolean.parseBoolean(m.get("reused")), m.get("reason"),
                instant(m.get("since")));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
