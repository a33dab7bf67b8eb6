package io.hostwright.domain.backend;

import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.provisioning.ProvisioningModule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The back-ends this deployment runs, by name. Asking for a capability a service's back-end lacks is a 409 that
 * names the back-end (never a 500): a product of a back-end with no lifecycle support cannot be suspended here.
 */
public final class BackendRegistry {

    private final Map<String, Backend> backends;

    public BackendRegistry(List<Backend> backends) {
        Map<String, Backend> byName = new LinkedHashMap<>();
        for (Backend backend : backends) {
            if (byName.putIfAbsent(backend.name(), backend) != null) {
                throw new IllegalArgumentException("back-end " + backend.name() + " is registered twice");
            }
        }
        this.backends = Map.copyOf(byName);
    }

    public static BackendRegistry of(List<BackendFactory> factories, BackendContext context) {
        return new BackendRegistry(factories.stream().map(f -> f.create(context)).toList());
    }

    public Optional<Backend> find(String name) {
        return Optional.ofNullable(name == null ? null : backends.get(name));
    }

    public List<Backend> all() {
        return backends.values().stream().sorted(java.util.Comparator.comparing(Backend::name)).toList();
    }

    /** @throws Conflict when no such back-end is installed */
    public Backend require(String name) {
        return find(name).orElseThrow(() -> new Conflict("backend", "the " + name
                + " back-end is not installed in this deployment"));
    }

    public Optional<ProvisioningModule> provisioning(String name) {
        return find(name).flatMap(Backend::provisioning);
    }

    public Optional<LifecycleModule> lifecycle(String name) {
        return find(name).flatMap(Backend::lifecycle);
    }

    /** The lifecycle module that can run {@code kind} for services of {@code name}, else a 409 naming the back-end. */
    public LifecycleModule lifecycleFor(String name, OperationKind kind) {
        Backend backend = require(name);
        return backend.lifecycle().filter(l -> l.plan(kind).isPresent()).orElseThrow(() -> new Conflict("backend",
                kind.label() + " is not supported by the " + backend.displayName() + " back-end"));
    }

    /** The client functions of services of {@code name}, else a 409 naming the back-end. */
    public ServerControl serverControlFor(String name) {
        Backend backend = require(name);
        return backend.serverControl().orElseThrow(() -> new Conflict("backend",
                "client functions are not supported by the " + backend.displayName() + " back-end"));
    }
}
