package io.hostwright.backends.tenantos;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.backend.ModuleState;
import io.hostwright.domain.service.Service;

/**
 * Everything a TenantOS step or client function needs about one service, resolved once: its product and the
 * product's TenantOS settings, the connection and its API client, and what provisioning remembered (user, server,
 * IPs). Resolving the API client may fail like a call does (the API key is read from its secret).
 */
record TenantOsContext(Service service, Product product, TenantOsProductSettings settings,
                       TenantOsConnection connection, TenantOsApi api, TenantOsServiceState state) {

    /** Why a service cannot be worked on, for the step's failure or the client function's 409. */
    static final class Unresolvable extends RuntimeException {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    static TenantOsContext resolve(Service service, CatalogRepository products, TenantOsCatalog catalog,
                                   TenantOsApis apis, ModuleState states) {
        Product product = products.findProduct(service.productId()).orElseThrow(
                () -> new Unresolvable("product " + service.productId() + " is no longer in the catalog"));
        TenantOsProductSettings settings = catalog.productSettings(product.productId()).orElseThrow(
                () -> new Unresolvable("product " + product.productId() + " has no TenantOS settings"));
        TenantOsConnection connection = catalog.connection(product.connectionId()).orElseThrow(
                () -> new Unresolvable("TenantOS connection " + product.connectionId() + " is not configured"));
        return new TenantOsContext(service, product, settings, connection, apis.of(connection),
                TenantOsServiceState.from(states.load(service.serviceId(), TenantOsProvisioning.MODULE)));
    }

    /** The staff address told about this service: the product's department, else the connection's. */
    String department() {
        String department = product.department();
        return department == null || department.isBlank() ? connection.department() : department;
    }

    /** Stock is owned by nobody or by the connection's stock account. */
    boolean unowned(TenantOsServer server) {
        return server.ownerUserId() == 0 || server.ownerUserId() == connection.stockOwnerUserId();
    }
}
