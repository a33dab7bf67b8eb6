package io.hostwright.backends.tenantos;

/** Port: the API client of a connection (built once per connection, with its secret API key). */
public interface TenantOsApis {

    TenantOsApi of(TenantOsConnection connection);
}
