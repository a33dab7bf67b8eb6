package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.provisioning.ProvisioningModule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A platform Hostwright provisions on — TenantOS, VMmanager, OpenStack… — as the generic code sees it: its name,
 * the kinds of service it sells, how it checks its own settings, and what it can do. The generic code asks; it never
 * names a vendor. A capability a back-end lacks is empty, and a request for it is refused with 409 naming the
 * back-end.
 */
public interface Backend {

    /** What products, connections and services carry, e.g. {@code tenantos}. */
    String name();

    /** How staff and customers read it, e.g. "TenantOS". */
    String displayName();

    Set<ServiceType> serviceTypes();

    /**
     * What is wrong with a product sold on this back-end: its type, its module settings, the options it must
     * declare. Each problem names its field ({@code moduleSettings.matchTags}); empty when it can be sold.
     */
    List<Violation> checkProduct(Product product);

    /** What is wrong with a connection's settings, each problem naming its field ({@code settings.…}). */
    List<Violation> checkConnection(Connection connection);

    default Optional<ProvisioningModule> provisioning() {
        return Optional.empty();
    }

    default Optional<LifecycleModule> lifecycle() {
        return Optional.empty();
    }

    default Optional<ServerControl> serverControl() {
        return Optional.empty();
    }

    default Optional<TemplateSource> templates() {
        return Optional.empty();
    }

    default Optional<UsageSource> usage() {
        return Optional.empty();
    }

    /** A harmless read that tells staff whether a connection works (credentials, reachability, latency). */
    default Optional<ConnectionCheck> connectionCheck() {
        return Optional.empty();
    }

    /**
     * The licence servers of its connections, for back-ends that sell control-panel licences which products of other
     * back-ends attach to their servers (a product's {@code licence}).
     */
    default Optional<LicenceServers> licenceServers() {
        return Optional.empty();
    }

    /** Stock a product can be delivered from; empty for back-ends that create what they sell (VPS, tenants). */
    default Optional<StockSource> stock() {
        return Optional.empty();
    }
}
