package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.StockSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;

/**
 * How many servers a TenantOS product could be delivered from now — what the catalog shows as stock — counted by the
 * rule claim-server takes one by ({@link FreeServers}). It reads TenantOS alone: a server an order has just claimed
 * counts until that order gives it its owner, a step later.
 */
final class TenantOsStock implements StockSource {

    private final TenantOsApis apis;

    TenantOsStock(TenantOsApis apis) {
        this.apis = apis;
    }

    /**
     * @throws io.hostwright.domain.backend.BackendFailure.Permanent when the product is not a TenantOS one on this
     *                                                               connection, or its or the connection's settings are
     *                                                               not usable
     */
    @Override
    public int available(Connection stored, Product product) {
        TenantOsConnection connection;
        TenantOsProductSettings settings;
        try {
            if (!TenantOsBackend.NAME.equals(product.backend())) {
                throw new TenantOsContext.Unresolvable("product " + product.productId() + " is a " + product.backend()
                        + " product, not a TenantOS one");
            }
            if (!stored.connectionId().equals(product.connectionId())) {
                throw new TenantOsContext.Unresolvable("product " + product.productId() + " is sold on connection "
                        + product.connectionId() + ", not on " + stored.connectionId());
            }
            settings = TenantOsContext.productSettings(product.moduleSettings(),
                    "the TenantOS settings of product " + product.productId());
            connection = TenantOsContext.connection(stored);
        } catch (TenantOsContext.Unresolvable unresolvable) {
            throw TenantOsContext.unusable(unresolvable);
        }
        return FreeServers.of(apis.of(connection), settings, connection).size();
    }
}
