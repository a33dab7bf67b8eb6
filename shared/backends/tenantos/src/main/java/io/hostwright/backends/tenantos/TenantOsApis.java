package io.hostwright.backends.tenantos;

/** Port: the API client of a connection (built once per connection, with its secret API key). */
public interface TenantOsApis {

    /** @throws io.hostwright.domain.backend.BackendFailure when the connection's key cannot be read */
    TenantOsApi of(TenantOsConnection connection);
}
