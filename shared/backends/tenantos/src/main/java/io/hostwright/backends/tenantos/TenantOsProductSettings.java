package io.hostwright.backends.tenantos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a product is provisioned on TenantOS.
 *
 * @param matchTags       a server must carry all of them to be sold for this product
 * @param excludeTags     a server carrying any of them is never picked
 * @param roleId          the TenantOS role of the customer's user
 * @param osProfiles      catalog OS template id → TenantOS provisioning profile id
 * @param installDeadline how long an OS installation may take before the service fails
 * @param stockDeadline   how long an order may wait for a free server before it fails
 * @param pollInterval    how often the install status is read
 * @param stockRetry      how often stock is looked for again while waiting
 * @param lifecycle       what suspend and terminate do; defaults when absent
 */
public record TenantOsProductSettings(
        String productId,
        List<String> matchTags,
        List<String> excludeTags,
        long roleId,
        Map<String, Long> osProfiles,
        Duration installDeadline,
        Duration stockDeadline,
        Duration pollInterval,
        Duration stockRetry,
        TenantOsLifecycleSettings lifecycle) {

    public TenantOsProductSettings(String productId, List<String> matchTags, List<String> excludeTags, long roleId,
                                   Map<String, Long> osProfiles, Duration installDeadline, Duration stockDeadline,
                                   Duration pollInterval, Duration stockRetry) {
        this(productId, matchTags, excludeTags, roleId, osProfiles, installDeadline, stockDeadline, pollInterval,
                stockRetry, TenantOsLifecycleSettings.DEFAULTS);
    }

    public TenantOsProductSettings {
        lifecycle = lifecycle == null ? TenantOsLifecycleSettings.DEFAULTS : lifecycle;
        Objects.requireNonNull(productId, "productId");
        matchTags = List.copyOf(matchTags);
        excludeTags = List.copyOf(excludeTags);
        osProfiles = Map.copyOf(osProfiles);
        if (matchTags.isEmpty()) {
            throw new IllegalArgumentException("product " + productId + " needs at least one match tag");
        }
    }
}
