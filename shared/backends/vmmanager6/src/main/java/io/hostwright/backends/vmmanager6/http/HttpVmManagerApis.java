package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmManagerApis;
import io.hostwright.domain.backend.ConnectionKeys;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per VMmanager connection — a {@link RetryingVmManagerApi} over an {@link HttpVmManagerApi} — kept for the
 * life of the process so a warm function reuses its session token and connections. The credential is looked up on
 * every {@link #of} (the resolver caches): when it or the base URL changes, a new client (and session) replaces the
 * old one.
 */
public final class HttpVmManagerApis implements VmManagerApis {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final ConnectionKeys keys;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Map<String, Entry> apis = new ConcurrentHashMap<>();

    /** @param keys a connection's {@code secretRef} → {@code <e-mail>:<password>} */
    public HttpVmManagerApis(ConnectionKeys keys) {
        this(keys, Sleeper.REAL);
    }

    /** Clients that wait between repeats of a safe call only as {@code sleeper} says (tests: on their clock). */
    public HttpVmManagerApis(ConnectionKeys keys, Sleeper sleeper) {
        this(keys, CONNECT_TIMEOUT, REQUEST_TIMEOUT, sleeper);
    }

    /** For tests: clients that also give up sooner. */
    HttpVmManagerApis(ConnectionKeys keys, Duration connectTimeout, Duration requestTimeout, Sleeper sleeper) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public VmManagerApi of(String connectionId, String baseUrl, String secretRef) {
        String credential = keys.resolve(secretRef);
        return apis.compute(connectionId, (id, current) ->
                current != null && current.baseUrl().equals(baseUrl) && current.credential().equals(credential)
                        ? current
                        : new Entry(baseUrl, credential, new RetryingVmManagerApi(
                                new HttpVmManagerApi(baseUrl, credential, connectTimeout, requestTimeout),
                                RetryingVmManagerApi.DEFAULT_POLICY, sleeper))).api();
    }

    private record Entry(String baseUrl, String credential, VmManagerApi api) {
        @Override
        public String toString() {
            return "Entry[" + baseUrl + "]";
        }
    }

    @Override
    public String toString() {
        return "HttpVmManagerApis" + apis.values();
    }
}
