package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.fixtures.Samples;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hostwright.backends.tenantos.InMemoryTenantOs.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The OS templates a TenantOS connection offers, read from the installation's provisioning profiles: one per profile
 * that installs an OS, named by its id, shown by its name; disk wipes never.
 */
class TenantOsTemplatesTest {

    final TenantOsWorld world = new TenantOsWorld();
    final InMemoryTenantOs tenantOs = world.tenantOs;
    final TemplateSource source = world.backend.templates().orElseThrow();

    private static UpstreamTemplate template(long profileId, String displayName) {
        return new UpstreamTemplate(Long.toString(profileId), "profile-" + profileId, displayName);
    }

    private void rename(long profileId, String name) {
        tenantOs.profiles.replaceAll(p -> p.id() == profileId ? new ProvisioningProfile(p.id(), name, p.tags()) : p);
    }

    @Test
    void oneTemplatePerOsProfileNamedByItsIdAndShownByItsName() {
        List<UpstreamTemplate> templates = world.templates();

        assertThat(templates).containsExactly(template(TenantOsWorld.DEBIAN, "Debian 12"),
                template(TenantOsWorld.UBUNTU, "Ubuntu 24.04"), template(TenantOsWorld.ROCKY, "Rocky Linux 9"));
        assertThat(tenantOs.calls).containsExactly("pxeProfiles()");
    }

    @Test
    void templatesAppearChangeTheirNameAndVanishWithTheirProfiles() {
        tenantOs.profiles.add(new ProvisioningProfile(14, "AlmaLinux 9", List.of("linux")));
        rename(TenantOsWorld.UBUNTU, "Ubuntu 24.04 LTS");
        tenantOs.profiles.removeIf(p -> p.id() == TenantOsWorld.DEBIAN);

        assertThat(world.templates()).containsExactly(template(TenantOsWorld.UBUNTU, "Ubuntu 24.04 LTS"),
                template(TenantOsWorld.ROCKY, "Rocky Linux 9"), template(14, "AlmaLinux 9"));
    }

    @Test
    void theProfileProductsWipeWithIsNoTemplateWhateverItsTags() {
        tenantOs.profiles.replaceAll(p -> p.id() == TenantOsWorld.WIPE
                ? new ProvisioningProfile(p.id(), "Debian 12 (wipe first)", List.of("linux")) : p);

        assertThat(world.templates()).extracting(UpstreamTemplate::upstreamId)
                .containsExactly("11", "12", "13").doesNotContain(Long.toString(TenantOsWorld.WIPE));
    }

    @Test
    void aProductWipesOnlyItsOwnConnectionsProfiles() {
        world.catalog.saveProduct(Samples.dedicated("elsewhere", TenantOsBackend.NAME, "tos-2",
                TenantOsWorld.moduleSettings(Map.of("terminationProfileId", TenantOsWorld.ROCKY))));
        world.catalog.saveProduct(Samples.dedicated("other-backend", "vmmanager", TenantOsWorld.CONNECTION,
                Map.of("lifecycle", Map.of("terminationProfileId", TenantOsWorld.UBUNTU))));
        assertThat(world.templates()).extracting(UpstreamTemplate::upstreamId).containsExactly("11", "12", "13");

        // a product of this connection names it, even one with other problems in its settings
        Map<String, Object> broken = new LinkedHashMap<>(
                TenantOsWorld.moduleSettings(Map.of("terminationProfileId", TenantOsWorld.ROCKY)));
        broken.remove("matchTags");
        world.catalog.saveProduct(Samples.dedicated("half-done", TenantOsBackend.NAME, TenantOsWorld.CONNECTION,
                broken));

        assertThat(world.templates()).extracting(UpstreamTemplate::upstreamId).containsExactly("11", "12");
    }

    @Test
    void aProfileTaggedAsInstallingNoOsIsNoTemplate() {
        tenantOs.profiles.add(new ProvisioningProfile(91, "Fast disk wipe (insecure)", List.of("wipe")));
        tenantOs.profiles.add(new ProvisioningProfile(92, "Grml Linux (rescue)", List.of("rescue")));

        assertThat(world.templates()).extracting(UpstreamTemplate::upstreamId)
                .containsExactly("11", "12", "13", "92");

        List<UpstreamTemplate> ownTags = source.templates(world.connectionWith(
                Map.of("nonOsProfileTags", List.of("rescue", "memtest"))));
        assertThat(ownTags).extracting(UpstreamTemplate::upstreamId).containsExactly("11", "12", "13", "91");

        List<UpstreamTemplate> none = source.templates(world.connectionWith(Map.of("nonOsProfileTags", List.of())));
        assertThat(none).extracting(UpstreamTemplate::upstreamId).containsExactly("11", "12", "13", "91", "92");
    }

    @Test
    void whatTenantOsSendsOddlyIsTidied() {
        tenantOs.profiles.add(0, new ProvisioningProfile(14, "  ", List.of()));
        tenantOs.profiles.add(new ProvisioningProfile(TenantOsWorld.DEBIAN, "Debian 12", List.of()));

        assertThat(world.templates()).containsExactly(template(TenantOsWorld.DEBIAN, "Debian 12"),
                template(TenantOsWorld.UBUNTU, "Ubuntu 24.04"), template(TenantOsWorld.ROCKY, "Rocky Linux 9"),
                template(14, "TenantOS profile 14"));
    }

    @Test
    void aMisconfiguredConnectionIsAPermanentFailureNamingTheProblemAndAsksNothing() {
        Connection misconfigured = world.connectionWith(Map.of("nonOsProfileTags", "wipe", "stockOwnerUserId", -1));

        Throwable thrown = catchThrowable(() -> source.templates(misconfigured));

        assertThat(thrown).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessageStartingWith("TenantOS connection tos-1 is misconfigured: ")
                .hasMessageContaining("settings.nonOsProfileTags must be a list of strings")
                .hasMessageContaining("settings.stockOwnerUserId");
        assertThat(tenantOs.calls).isEmpty();
    }

    @Test
    void anotherBackendsConnectionIsAPermanentFailure() {
        Connection vmmanager = new Connection("vm-1", "vmmanager", "VMmanager", "https://vm.test", "secret:vm-1",
                TenantOsWorld.DEPARTMENT, Map.of());

        assertThat(catchThrowable(() -> source.templates(vmmanager))).isInstanceOf(BackendFailure.Permanent.class)
                .hasMessage("connection vm-1 is a vmmanager connection, not a TenantOS one");
        assertThat(tenantOs.calls).isEmpty();
    }

    @Test
    void aTenantOsThatCannotAnswerIsItsFailure() {
        BackendFailure.Transient down = unavailable();
        tenantOs.failNext("pxeProfiles", down);

        assertThat(catchThrowable(world::templates)).isSameAs(down);
    }
}
