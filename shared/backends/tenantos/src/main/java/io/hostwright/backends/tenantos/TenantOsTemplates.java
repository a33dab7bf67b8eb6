package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Connection;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A TenantOS connection's OS templates, as the hourly template sync reads them: one per provisioning profile of the
 * installation ({@code GET /api/pxe/profiles}) that installs an OS, by profile id.
 *
 * <p>The internal name is {@code profile-<id>}, not the profile's name: staff rename profiles in TenantOS (a point
 * release, a clearer label) and a name is free text that need not be unique, while the id never changes and is.
 * Named after its name, a renamed profile would look like one template vanishing and another appearing, and what
 * staff set on it (its display name, the products offering it) would be lost. The profile's name is the display name.
 *
 * <p>TenantOS's PXE profiles include disk wipes, rescue systems and memory tests beside the OS installations (its
 * documentation lists them), and no field we know of tells them apart [U: the profile's template type is in no public
 * answer]. So a profile is no OS template when
 * <ul>
 *   <li>it is the {@code lifecycle.terminationProfileId} of a TenantOS product on this connection: Hostwright itself
 *       wipes returned servers with it, whatever its tags say; or</li>
 *   <li>it carries one of the connection's {@code nonOsProfileTags} ({@code wipe} unless the connection names
 *       others): staff tag the other non-OS profiles, as TenantOS's tags are theirs to set.</li>
 * </ul>
 * Hiding a real OS that staff tagged by mistake costs a template staff can see missing; offering a disk wipe as an
 * OS would erase a customer's server, so either rule is enough to hide a profile.
 */
final class TenantOsTemplates implements TemplateSource {

    /** The internal name of profile {@code id} is this and the id. */
    static final String NAME_PREFIX = "profile-";

    private final CatalogRepository catalog;
    private final TenantOsApis apis;

    TenantOsTemplates(CatalogRepository catalog, TenantOsApis apis) {
        this.catalog = catalog;
        this.apis = apis;
    }

    /**
     * @throws io.hostwright.domain.backend.BackendFailure.Permanent when the connection is not a usable TenantOS one
     */
    @Override
    public List<UpstreamTemplate> templates(Connection stored) {
        TenantOsConnection connection;
        try {
            connection = TenantOsContext.connection(stored);
        } catch (TenantOsContext.Unresolvable unresolvable) {
            throw TenantOsContext.unusable(unresolvable);
        }
        Set<Long> wipes = terminationProfiles(stored.connectionId());
        Set<Long> seen = new HashSet<>();
        return apis.of(connection).pxeProfiles().stream()
                .filter(profile -> seen.add(profile.id())) // PHP may send a profile twice: once is enough
                .filter(profile -> !wipes.contains(profile.id()))
                .filter(profile -> profile.tags().stream().noneMatch(connection.nonOsProfileTags()::contains))
                .sorted(Comparator.comparingLong(ProvisioningProfile::id))
                .map(TenantOsTemplates::template)
                .toList();
    }

    private static UpstreamTemplate template(ProvisioningProfile profile) {
        String name = profile.name().strip();
        return new UpstreamTemplate(Long.toString(profile.id()), NAME_PREFIX + profile.id(),
                name.isEmpty() ? "TenantOS profile " + profile.id() : name);
    }

    /** The wipe profiles of the TenantOS products on this connection, read even from products with other problems. */
    private Set<Long> terminationProfiles(String connectionId) {
        return catalog.productsOn(connectionId).stream()
                .filter(p -> TenantOsBackend.NAME.equals(p.backend()))
                .map(p -> TenantOsProductSettings.read(new SettingsReader(p.moduleSettings(), "moduleSettings"))
                        .lifecycle().terminationProfileId())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
