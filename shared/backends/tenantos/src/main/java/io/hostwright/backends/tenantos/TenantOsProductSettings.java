package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.SettingsReader;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a product is provisioned on TenantOS: its {@code moduleSettings}, pinned on every service sold. The OS
 * templates it offers, and the provisioning profile installing each, come from its connection's template sync.
 *
 * @param matchTags       a server must carry all of them to be sold for this product
 * @param excludeTags     a server carrying any of them is never picked
 * @param roleId          the TenantOS role of the customer's user
 * @param installDeadline how long an OS installation may take before the service fails
 * @param stockDeadline   how long an order may wait for a free server before it fails
 * @param pollInterval    how often the install status is read
 * @param stockRetry      how often stock is looked for again while waiting
 * @param lifecycle       what suspend and terminate do
 */
public record TenantOsProductSettings(
        List<String> matchTags,
        List<String> excludeTags,
        long roleId,
        Duration installDeadline,
        Duration stockDeadline,
        Duration pollInterval,
        Duration stockRetry,
        TenantOsLifecycleSettings lifecycle) {

    private static final Set<String> KNOWN = Set.of("matchTags", "excludeTags", "roleId",
            "installDeadline", "stockDeadline", "pollInterval", "stockRetry", "lifecycle");

    public TenantOsProductSettings {
        matchTags = List.copyOf(matchTags);
        excludeTags = List.copyOf(excludeTags);
        lifecycle = lifecycle == null ? TenantOsLifecycleSettings.DEFAULTS : lifecycle;
    }

    /** Reads them, recording every problem on the reader (paths like {@code moduleSettings.matchTags}). */
    public static TenantOsProductSettings read(SettingsReader settings) {
        settings.onlyKnown(KNOWN);
        List<String> matchTags = settings.texts("matchTags");
        if (matchTags.isEmpty()) {
            settings.problem("matchTags", "needs at least one tag: a server must carry them all to be sold");
        }
        long roleId = settings.requiredWhole("roleId");
        if (settings.has("roleId") && roleId < 1) {
            settings.problem("roleId", "must be a TenantOS role id (1 or more)");
        }
        return new TenantOsProductSettings(matchTags, settings.texts("excludeTags"), roleId,
                settings.duration("installDeadline", Duration.ofMinutes(60)),
                settings.duration("stockDeadline", Duration.ofHours(24)),
                settings.duration("pollInterval", Duration.ofSeconds(30)),
                settings.duration("stockRetry", Duration.ofMinutes(5)),
                TenantOsLifecycleSettings.read(settings.section("lifecycle")));
    }
}
