package io.hostwright.backends.tenantos;

import io.hostwright.backends.tenantos.http.HttpTenantOsApis;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.backend.OptionChecks;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.backend.StockSource;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.provisioning.ProvisioningModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Dedicated servers on TenantOS (seed 000, HostBill's module): provisioning from tagged stock, suspend, unsuspend,
 * terminate with a disk wipe, reinstall, the customer's client functions, network traffic, OS templates from the
 * provisioning profiles and stock counts. A product may declare an integer option {@code ipv4} (addresses on the
 * server, 1 when it does not).
 */
public final class TenantOsBackend implements Backend {

    public static final String NAME = "tenantos";
    public static final String DISPLAY_NAME = "TenantOS";
    /** The order option that sets how many IPv4 addresses the server gets. */
    public static final String IPV4_OPTION = "ipv4";

    /** The registration: TenantOS on its HTTP API, keys read through the context. */
    public static final BackendFactory FACTORY = factory(context -> new HttpTenantOsApis(context.keys()));

    private final BackendContext context;
    private final TenantOsProvisioning provisioning;
    private final TenantOsLifecycle lifecycle;
    private final TenantOsServerControl control;
    private final TenantOsUsage usage;
    private final TenantOsConnectionCheck connectionCheck;
    private final TenantOsTemplates templates;
    private final TenantOsStock stock;

    TenantOsBackend(BackendContext context, TenantOsApis apis) {
        this.context = context;
        this.provisioning = new TenantOsProvisioning(context, apis);
        this.lifecycle = new TenantOsLifecycle(new LifecycleSupport(context), apis);
        this.control = new TenantOsServerControl(context, apis);
        this.usage = new TenantOsUsage(context, apis);
        this.connectionCheck = new TenantOsConnectionCheck(apis);
        this.templates = new TenantOsTemplates(context.catalog(), apis);
        this.stock = new TenantOsStock(apis);
    }

    /** A factory on other API clients (tests: an in-memory TenantOS). */
    public static BackendFactory factory(Function<BackendContext, TenantOsApis> apis) {
        return BackendFactory.of(NAME, context -> new TenantOsBackend(context, apis.apply(context)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public Set<ServiceType> serviceTypes() {
        return Set.of(ServiceType.DEDICATED);
    }

    @Override
    public List<Violation> checkProduct(Product product) {
        List<Violation> problems = new ArrayList<>();
        if (product.type() != ServiceType.DEDICATED) {
            problems.add(new Violation("type", "TenantOS sells dedicated servers, not " + product.type().code()));
        }
        SettingsReader reader = new SettingsReader(product.moduleSettings(), "moduleSettings");
        TenantOsProductSettings settings = TenantOsProductSettings.read(reader);
        problems.addAll(reader.violations());
        OptionChecks.countOfAtLeastOne(product, IPV4_OPTION, "address").ifPresent(problems::add);
        return problems;
    }

    @Override
    public List<Violation> checkConnection(Connection connection) {
        SettingsReader reader = new SettingsReader(connection.settings(), "settings");
        TenantOsConnection.read(connection, reader);
        return reader.violations();
    }

    @Override
    public Optional<ProvisioningModule> provisioning() {
        return Optional.of(provisioning);
    }

    @Override
    public Optional<LifecycleModule> lifecycle() {
        return Optional.of(lifecycle);
    }

    @Override
    public Optional<ServerControl> serverControl() {
        return Optional.of(control);
    }

    @Override
    public Optional<UsageSource> usage() {
        return Optional.of(usage);
    }

    @Override
    public Optional<ConnectionCheck> connectionCheck() {
        return Optional.of(connectionCheck);
    }

    /** One OS template per provisioning profile that installs an OS; see {@link TenantOsTemplates} for which do. */
    @Override
    public Optional<TemplateSource> templates() {
        return Optional.of(templates);
    }

    /** Free servers per product, by the rule claim-server takes one by. */
    @Override
    public Optional<StockSource> stock() {
        return Optional.of(stock);
    }
}
