package io.hostwright.backends.tenantos;

import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.backends.tenantos.http.HttpTenantOsApi;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.InMemoryCatalog;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.fixtures.InMemoryConnectionTemplates;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.step.Backoff;
import io.hostwright.simulator.tenantos.Seed;
import io.hostwright.simulator.tenantos.SimulatorConfig;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template and stock sources as production builds them ({@link TenantOsBackend#FACTORY}: the retrying HTTP
 * adapter, the key read through the context) against the TenantOS simulator with its demo seed, changed the way
 * staff change a real TenantOS.
 */
class TenantOsSourcesOnSimulatorTest {

    static final String CONNECTION = "tos-sim";

    final TenantOsSimulator tenantOs = TenantOsSimulator.start(SimulatorConfig.forTests());
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final Connection connection = new Connection(CONNECTION, TenantOsBackend.NAME, "Simulated TenantOS",
            tenantOs.baseUrl(), "secret:tos-sim", "noc@example.test", Map.of("stockOwnerUserId", 1));
    final Product product = Samples.dedicated("e2388g-64", TenantOsBackend.NAME, CONNECTION, Map.of(
            "matchTags", List.of("forRent", "e2388g"),
            "excludeTags", List.of("broken"),
            "roleId", 3,
            "lifecycle", Map.of("terminationProfileId", 90)));
    final Backend backend;
    /** The same TenantOS as staff and other tools see it, to change it between reads. */
    final TenantOsApi staff = new HttpTenantOsApi(tenantOs.baseUrl(), tenantOs.apiKey());

    TenantOsSourcesOnSimulatorTest() {
        catalog.saveProduct(product);
        InMemoryConnections connections = new InMemoryConnections();
        connections.saveConnection(connection);
        BackendContext context = new BackendContext(catalog, connections, new InMemoryConnectionTemplates(),
                new InMemoryServices(new LinkedHashMap<>()),
                new InMemoryServerClaims(), new InMemoryModuleState(), new InMemorySecrets(), new RecordingMailQueue(),
                secretRef -> secretRef.equals(connection.secretRef()) ? tenantOs.apiKey() : "wrong-key",
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)),
                new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
        backend = TenantOsBackend.FACTORY.create(context);
    }

    @AfterEach
    void stop() {
        tenantOs.close();
    }

    private List<UpstreamTemplate> templates() {
        return backend.templates().orElseThrow().templates(connection);
    }

    private int stock() {
        return backend.stock().orElseThrow().available(connection, product);
    }

    private static UpstreamTemplate template(long profileId, String displayName) {
        return new UpstreamTemplate(Long.toString(profileId), "profile-" + profileId, displayName);
    }

    @Test
    void theTemplatesAreTheSeedsOsProfilesWithoutTheWipe() {
        assertThat(templates()).containsExactly(template(12, "Debian 12 (Bookworm)"),
                template(13, "Ubuntu 24.04 (Noble Numbat)"), template(14, "AlmaLinux 9"),
                template(15, "Windows Server 2022"));
        assertThat(tenantOs.callCount("GET /api/pxe/profiles")).isEqualTo(1);
        assertThat(tenantOs.calls()).hasSize(1);
    }

    @Test
    void templatesAppearChangeTheirNameAndVanishUpstream() {
        tenantOs.addProfile(new Seed.Profile(16, "Rocky Linux 9", List.of("linux"), false));
        tenantOs.addProfile(new Seed.Profile(91, "Fast disk wipe (insecure)", List.of("wipe"), true));
        tenantOs.renameProfile(13, "Ubuntu 24.04 LTS");
        tenantOs.removeProfile(14);
        // retagged by staff: still the product's wipe
        tenantOs.addProfile(new Seed.Profile(90, "Secure disk wipe", List.of("linux"), true));

        assertThat(templates()).containsExactly(template(12, "Debian 12 (Bookworm)"),
                template(13, "Ubuntu 24.04 LTS"), template(15, "Windows Server 2022"), template(16, "Rocky Linux 9"));
    }

    @Test
    void stockIsTheFreeServersOfTheProduct() {
        tenantOs.setInstallDuration(Duration.ofMinutes(10));
        assertThat(stock()).isEqualTo(4); // 101–104, owned by the stock account
        assertThat(tenantOs.callCount("POST /api/servers/getByTags")).isEqualTo(1);

        TenantOsUser customer = staff.createUser("ada", "ada@example.com", "ada@example.com", "Init-Pw-123", 3);
        tenantOs.reassign(101, customer.id());
        assertThat(stock()).as("101 sold").isEqualTo(3);

        staff.startReinstallation(102, 12, "stock-102.example.com", "Root-Pw-123");
        assertThat(stock()).as("102 installing").isEqualTo(2);

        staff.updateServer(103, 1, "stock-103", List.of("forRent", "e2388g", "broken"));
        assertThat(stock()).as("103 excluded").isEqualTo(1);

        tenantOs.reassign(104, null);
        assertThat(stock()).as("104 owned by nobody").isEqualTo(1);

        tenantOs.reassign(101, 1L);
        assertThat(stock()).as("101 back with the stock account").isEqualTo(2);
    }
}
