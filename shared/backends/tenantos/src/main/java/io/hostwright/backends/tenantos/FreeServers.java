package io.hostwright.backends.tenantos;

import java.util.Comparator;
import java.util.List;

/**
 * The one rule for which servers a product can be delivered from, read by claim-server (which takes one) and by
 * {@link TenantOsStock} (which counts them): TenantOS's servers carrying all the product's match tags, none of its
 * exclude tags, owned by nobody or the connection's stock account, with no installation or disk wipe running.
 */
final class FreeServers {

    private FreeServers() {
    }

    /** The free servers for {@code product} on the connection {@code api} speaks to, by id. */
    static List<TenantOsServer> of(TenantOsApi api, TenantOsProductSettings product, TenantOsConnection connection) {
        return api.serversByTags(product.matchTags()).stream()
                .filter(server -> server.tags().stream().noneMatch(product.excludeTags()::contains))
                .filter(server -> connection.unowned(server) && !server.busy())
                .sorted(Comparator.comparingLong(TenantOsServer::id))
                .toList();
    }
}
