package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.backends.tenantos.TenantOsConnection;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One retrying HTTP client per TenantOS connection, kept for the life of the process so a warm function reuses its
 * connections. The API key is looked up on every {@link #of} (the resolver is expected to cache): when it or the base
 * URL changes, a new client replaces the old one.
 */
public final class HttpTenantOsApis implements TenantOsApis {

    private final UnaryOperator<String> apiKeys;
    private final Map<String, Entry> apis = new ConcurrentHashMap<>();

    /** @param apiKeys a connection's {@code apiKeySecret} reference → the API key, e.g. {@code SecretResolver::resolve} */
    public HttpTenantOsApis(UnaryOperator<String> apiKeys) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    @Override
    public TenantOsApi of(TenantOsConnection connection) {
        String apiKey = apiKeys.apply(connection.apiKeySecret());
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
