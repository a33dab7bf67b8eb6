package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.backends.vmmanager6.VmManagerApis;
import io.hostwright.domain.backend.ConnectionKeys;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client per VMmanager connection, kept for the life of the process so a warm function reuses its session
 * token and connections. The credential is looked up on every {@link #of} (the resolver caches): when it or the base
 * URL changes, a new client (and session) replaces the old one.
 */
public final class HttpVmManagerApis implements VmManagerApis {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final ConnectionKeys keys;
    private final Sleeper sleeper;
    private final Map<String, Entry> apis = new ConcurrentHashMap<>();

    public HttpVmManagerApis(ConnectionKeys keys) {
        this(keys, Sleeper.REAL);
    }

    public HttpVmManagerApis(ConnectionKeys keys, Sleeper sleeper) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public VmManagerApi of(String connectionId, String baseUrl, String secretRef) {
        String credential = keys.resolve(secretRef);
        return apis.compute(connectionId, (id, current) ->
                current != null && current.baseUrl().equals(baseUrl) && current.credential().equals(credential)
                        ? current
                        : new Entry(baseUrl, credential, new HttpVmManagerApi(baseUrl, credential, CONNECT_TIMEOUT,
                        REQUEST_TIMEOUT, sleeper))).api();
    }

    private record Entry(String baseUrl, String credential, VmManagerApi api) {
        @Override
        public String toString() {
            return "Entry[" + baseUrl + "]";
        }
    }
}
