package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.backends.tenantos.TenantOsConnection;
import io.hostwright.domain.backend.ConnectionKeys;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One retrying HTTP client per TenantOS connection, kept for the life of the process so a warm function reuses its
 * connections. The API key is looked up on every {@link #of} (the resolver is expected to cache): when it or the base
 * URL changes, a new client replaces the old one.
 */
public final class HttpTenantOsApis implements TenantOsApis {

    private final ConnectionKeys apiKeys;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Map<String, Entry> apis = new ConcurrentHashMap<>();

    /** @param apiKeys a connection's {@code secretRef} → the API key */
    public HttpTenantOsApis(ConnectionKeys apiKeys) {
        this(apiKeys, HttpTenantOsApi.CONNECT_TIMEOUT, HttpTenantOsApi.REQUEST_TIMEOUT, Sleeper.THREAD);
    }

    /** For tests: clients that give up sooner and wait between retries only as {@code sleeper} says. */
    HttpTenantOsApis(ConnectionKeys apiKeys, Duration connectTimeout, Duration requestTimeout, Sleeper sleeper) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public TenantOsApi of(TenantOsConnection connection) {
        String apiKey = apiKeys.resolve(connection.secretRef());
        return apis.compute(connection.connectionId(), (id, current) ->
                current != null && current.baseUrl().equals(connection.baseUrl()) && current.apiKey().equals(apiKey)
                        ? current
                        : new Entry(connection.baseUrl(), apiKey, new RetryingTenantOsApi(
                                new HttpTenantOsApi(connection.baseUrl(), apiKey, connectTimeout, requestTimeout),
                                RetryingTenantOsApi.DEFAULT_POLICY, sleeper))).api();
    }

    private record Entry(String baseUrl, String apiKey, TenantOsApi api) {
        @Override
        public String toString() {
            return "Entry[" + baseUrl + "]";
        }
    }

    @Override
    public String toString() {
        return "HttpTenantOsApis" + apis.values();
    }
}
