package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.backends.tenantos.TenantOsConnection;
import io.hostwright.domain.backend.ConnectionKeys;

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
    private final Map<String, Entry> apis = new ConcurrentHashMap<>();

    /** @param apiKeys a connection's {@code secretRef} → the API key */
    public HttpTenantOsApis(ConnectionKeys apiKeys) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    @Override
    public TenantOsApi of(TenantOsConnection connection) {
        String apiKey = apiKeys.resolve(connection.secretRef());
        return apis.compute(connection.connectionId(), (id, current) ->
                current != null && current.baseUrl().equals(connection.baseUrl()) && current.apiKey().equals(apiKey)
                        ? current
                        : new Entry(connection.baseUrl(), apiKey,
                                new RetryingTenantOsApi(new HttpTenantOsApi(connection.baseUrl(), apiKey)))).api();
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
