package io.hostwright.backends.tenantos;

import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.AnnouncingProvisioning;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.domain.fixtures.MutableClock;

import io.hostwright.domain.fixtures.InMemoryCatalog;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemorySecrets;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.InMemoryConnectionTemplates;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The TenantOS back-end built by its factory on an in-memory TenantOS and in-memory ports. TenantOS holds stock for
 * one product — servers 201, 202 and 203 tagged {@code forRent, ryzen} and owned by the stock account, each with a
 * primary address and one manageable switch port — plus server 301 of another product, an IPv4 subnet with eight
 * free addresses, an IPv6 subnet, and the Debian, Ubuntu, Rocky and disk-wipe profiles. The connection swaps
 * {@code forRent} for {@code assigned} on provisioning and back on termination.
 */
final class TenantOsWorld {

    static final String CONNECTION = "tos-1";
    static final String PRODUCT = "ryzen-128";
    static final String DEPARTMENT = "noc@example.test";
    static final long STOCK_OWNER = 1;
    static final long ROLE = 3;
    static final long DEBIAN = 11;
    static final long UBUNTU = 12;
    static final long ROCKY = 13;
    static final long WIPE = 90;
    static final long IPV4_SUBNET = 10;
    static final long IPV6_SUBNET = 20;
    static final List<Long> STOCK = List.of(201L, 202L, 203L);
    static final Map<String, Object> WIPING = Map.of("terminationProfileId", WIPE);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final InMemoryTenantOs tenantOs = new InMemoryTenantOs();
    final InMemoryModuleState states = new InMemoryModuleState();
    final InMemoryServerClaims claims = new InMemoryServerClaims();
    final InMemorySecrets secrets = new InMemorySecrets();
    final InMemoryConnections connections = new InMemoryConnections();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final RecordingMailQueue mails = new RecordingMailQueue();
    final Map<String, Service> services = new LinkedHashMap<>();
    /** The connection's OS templates as the sync found them: each catalog id installed by its profile. */
    final InMemoryConnectionTemplates templates = new InMemoryConnectionTemplates()
            .with(CONNECTION, "debian-12", Long.toString(DEBIAN), "Debian 12")
            .with(CONNECTION, "ubuntu-24.04", Long.toString(UBUNTU), "Ubuntu 24.04");
    final Product product = product(WIPING);
    final Backend backend;
    private int operations;

    TenantOsWorld() {
        seedTenantOs();
        connections.saveConnection(new Connection(CONNECTION, TenantOsBackend.NAME, "TenantOS Frankfurt",
                "https://tenantos.test", "secret:tos-1", "dc@example.test", Map.of(
                "stockOwnerUserId", STOCK_OWNER,
                "tagsToAddAfterProvisioning", List.of("assigned"),
                "tagsToRemoveAfterProvisioning", List.of("forRent"),
                "tagsToAddAfterTermination", List.of("forRent"),
                "tagsToRemoveAfterTermination", List.of("assigned"))));
        catalog.saveProduct(product);
        BackendContext context = new BackendContext(catalog, connections, templates, new InMemoryServices(services),
                claims,
                states, secrets, mails, secretRef -> "api-key", new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)),
                clock);
        backend = TenantOsBackend.factory(ctx -> connection -> tenantOs).create(context);
    }

    private void seedTenantOs() {
        tenantOs.users.put(STOCK_OWNER, new TenantOsUser(STOCK_OWNER, "stock@provider.test", "stock", 1));
        tenantOs.subnets.put(IPV4_SUBNET, new Subnet(IPV4_SUBNET, "198.51.100.0/24", true));
        tenantOs.subnets.put(IPV6_SUBNET, new Subnet(IPV6_SUBNET, "2001:db8::/64", false));
        tenantOs.freeIps.put(IPV4_SUBNET, new ArrayList<>(IntStream.rangeClosed(10, 17)
                .mapToObj(i -> "198.51.100." + i).toList()));
        tenantOs.freeIps.put(IPV6_SUBNET, new ArrayList<>(List.of("2001:db8::10", "2001:db8::11")));
        for (long id : STOCK) {
            InMemoryServer server = tenantOs.addServer(id, STOCK_OWNER, List.of("forRent", "ryzen"),
                    "203.0.113." + (id - 200), 30);
            server.ports.add(new SwitchPort(id * 10 + 1, "eth0", "sw-a", true, true));
        }
        tenantOs.addServer(301, STOCK_OWNER, List.of("forRent", "epyc"), "203.0.113.101", 30);
        tenantOs.profiles.addAll(List.of(new ProvisioningProfile(DEBIAN, "Debian 12"),
                new ProvisioningProfile(UBUNTU, "Ubuntu 24.04"), new ProvisioningProfile(ROCKY, "Rocky Linux 9"),
                new ProvisioningProfile(WIPE, "Disk wipe")));
    }

    /** The connection as stored. */
    Connection connection() {
        return connections.findConnection(CONNECTION).orElseThrow();
    }

    /** The connection with these settings over its own (not stored). */
    Connection connectionWith(Map<String, Object> settings) {
        Connection stored = connection();
        Map<String, Object> merged = new LinkedHashMap<>(stored.settings());
        merged.putAll(settings);
        return new Connection(stored.connectionId(), stored.backend(), stored.name(), stored.baseUrl(),
                stored.secretRef(), stored.department(), merged);
    }

    /** The OS templates the connection offers now. */
    List<TemplateSource.UpstreamTemplate> templates() {
        return backend.templates().orElseThrow().templates(connection());
    }

    /** Servers the product could be delivered from now. */
    int stock() {
        return backend.stock().orElseThrow().available(connection(), product);
    }

    /** The product with this {@code lifecycle} section in its module settings. */
    static Product product(Map<String, Object> lifecycle) {
        return Samples.dedicated(PRODUCT, TenantOsBackend.NAME, CONNECTION, moduleSettings(lifecycle));
    }

    static Map<String, Object> moduleSettings(Map<String, Object> lifecycle) {
        return Map.of(
                "matchTags", List.of("forRent", "ryzen"),
                "excludeTags", List.of("broken"),
                "roleId", ROLE,
                "installDeadline", "PT45M",
                "stockDeadline", "PT1H",
                "lifecycle", lifecycle);
    }

    /** A service of customer {@code ada} being provisioned, with Debian 12. */
    Service order(String serviceId) {
        return order(serviceId, "ada", product, Map.of());
    }

    Service order(String serviceId, Map<String, String> options) {
        return order(serviceId, "ada", product, options);
    }

    /** The customer's e-mail is {@code <customerId>@example.test}. */
    Service order(String serviceId, String customerId, Product sold, Map<String, String> options) {
        Service service = Samples.service(serviceId, customerId, Samples.sold(sold, options), ServiceStatus.PROVISIONING);
        services.put(serviceId, service);
        return service;
    }

    StepOutcome provision(Service service, String step) {
        return new AnnouncingProvisioning(backend.provisioning().orElseThrow(), mails).run(step, service, 1);
    }

    /** Runs provisioning from its first step for as long as each step passes on; returns what stopped it. */
    StepOutcome provisionAll(Service service) {
        String step = TenantOsProvisioning.STEPS.getFirst();
        for (int i = 0; i < 20; i++) {
            StepOutcome outcome = provision(service, step);
            if (!(outcome instanceof StepOutcome.Next next)) {
                return outcome;
            }
            step = next.next();
        }
        throw new AssertionError("provisioning of " + service.serviceId() + " never stopped");
    }

    /** A provisioned, ACTIVE service; the calls and mails it took are forgotten. */
    Service active(Service ordered) {
        StepOutcome outcome = provisionAll(ordered);
        if (!(outcome instanceof StepOutcome.Done)) {
            throw new AssertionError("provisioning of " + ordered.serviceId() + " ended with " + outcome);
        }
        Service active = ordered.transitionTo(ServiceStatus.ACTIVE, null, clock.instant());
        services.put(active.serviceId(), active);
        forgetHistory();
        return active;
    }

    Service active(String serviceId) {
        return active(order(serviceId));
    }

    void forgetHistory() {
        tenantOs.calls.clear();
        mails.queued.clear();
    }

    TenantOsServiceState state(Service service) {
        return TenantOsServiceState.from(states.load(service.serviceId(), TenantOsBackend.NAME));
    }

    TenantOsLifecycleState lifecycleState(Service service) {
        return TenantOsLifecycleState.from(states.load(service.serviceId(), TenantOsLifecycleState.MODULE_STATE));
    }

    InMemoryServer serverOf(Service service) {
        return tenantOs.servers.get(state(service).serverId());
    }

    long userOf(Service service) {
        return state(service).userId();
    }

    Operation operation(Service service, OperationKind kind) {
        return operation(service, kind, null, Map.of());
    }

    Operation operation(Service service, OperationKind kind, String reason, Map<String, String> parameters) {
        return new Operation(service.serviceId(), "op_" + ++operations, kind, OperationStatus.RUNNING, "staff:eve",
                reason, parameters, null, true, 1, clock.instant(), clock.instant());
    }

    List<String> steps(OperationKind kind) {
        return backend.lifecycle().orElseThrow().plan(kind).orElseThrow().steps();
    }

    StepOutcome operate(Operation operation, String step, Service service) {
        return backend.lifecycle().orElseThrow().run(operation, step, service, 1);
    }

    /** Runs the operation from its first step for as long as each step passes on; returns what stopped it. */
    StepOutcome operateAll(Operation operation, Service service) {
        return operateFrom(operation, steps(operation.kind()).getFirst(), service);
    }

    StepOutcome operateFrom(Operation operation, String first, Service service) {
        String step = first;
        for (int i = 0; i < 20; i++) {
            StepOutcome outcome = operate(operation, step, service);
            if (!(outcome instanceof StepOutcome.Next next)) {
                return outcome;
            }
            step = next.next();
        }
        throw new AssertionError(operation.kind().label() + " of " + service.serviceId() + " never stopped");
    }
}
