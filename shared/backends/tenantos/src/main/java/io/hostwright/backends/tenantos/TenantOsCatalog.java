package io.hostwright.backends.tenantos;

import java.util.Optional;

/** Port: TenantOS connections and how products are provisioned on them. */
public interface TenantOsCatalog {

    Optional<TenantOsConnection> connection(String connectionId);

    Optional<TenantOsProductSettings> productSettings(String productId);

    void saveConnection(TenantOsConnection connection);

    void saveProductSettings(TenantOsProductSettings settings);
}
