package io.hostwright.backends.vmmanager6;

import io.hostwright.backends.vmmanager6.http.HttpVmManagerApis;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.backend.OptionChecks;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.provisioning.ProvisioningModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * VPS on VMmanager 6 (seeds 001 and 004, ISPsystem's own module): provisioning by account, host and task, OS
 * templates from the OS list ({@code <repository>__<template>}), traffic from the host metrics. A product may declare
 * an integer option {@code ipv4} (addresses on the VPS, 1 when it does not).
 */
public final class VmManagerBackend implements Backend {

    public static final String NAME = "vmmanager6";
    public static final String DISPLAY_NAME = "VMmanager 6";
    public static final String IPV4_OPTION = "ipv4";

    /** The registration: VMmanager 6 on its HTTP API, credentials read through the context. */
    public static final BackendFactory FACTORY = factory(context -> new HttpVmManagerApis(context.keys()));

    private final VmProvisioning provisioning;
    private final VmLifecycle lifecycle;
    private final VmServerControl control;
    private final VmTemplates templates;
    private final VmUsage usage;
    private final VmConnectionCheck connectionCheck;

    VmManagerBackend(BackendContext context, VmManagerApis apis) {
        this.provisioning = new VmProvisioning(context, apis);
        this.lifecycle = new VmLifecycle(new VmLifecycleSupport(context), apis);
        this.control = new VmServerControl(context, apis);
        this.templates = new VmTemplates(apis);
        this.usage = new VmUsage(context, apis);
        this.connectionCheck = new VmConnectionCheck(apis);
    }

    /** A factory on other API clients (tests: an in-memory VMmanager). */
    public static BackendFactory factory(Function<BackendContext, VmManagerApis> apis) {
        return BackendFactory.of(NAME, context -> new VmManagerBackend(context, apis.apply(context)));
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
        return Set.of(ServiceType.VPS);
    }

    @Override
    public List<Violation> checkProduct(Product product) {
        List<Violation> problems = new ArrayList<>();
        if (product.type() != ServiceType.VPS) {
            problems.add(new Violation("type", "VMmanager 6 sells VPS, not " + product.type().code()));
        }
        SettingsReader reader = new SettingsReader(product.moduleSettings(), "moduleSettings");
        VmProductSettings.read(reader);
        problems.addAll(reader.violations());
        OptionChecks.countOfAtLeastOne(product, IPV4_OPTION, "address").ifPresent(problems::add);
        return problems;
    }

    @Override
    public List<Violation> checkConnection(Connection connection) {
        SettingsReader reader = new SettingsReader(connection.settings(), "settings");
        VmConnection.read(connection, reader);
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
    public Optional<TemplateSource> templates() {
        return Optional.of(templates);
    }

    @Override
    public Optional<UsageSource> usage() {
        return Optional.of(usage);
    }

    @Override
    public Optional<ConnectionCheck> connectionCheck() {
        return Optional.of(connectionCheck);
    }
}
