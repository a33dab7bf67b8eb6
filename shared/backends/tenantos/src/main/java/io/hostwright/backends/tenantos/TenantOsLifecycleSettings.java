package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.SettingsReader;

import java.time.Duration;
import java.util.Set;

/**
 * What suspend and terminate do for a product (seed 000, "Suspend" and "Termination").
 *
 * @param disablePortsOnSuspend  take the server's switch ports down on suspension (only ports whose switch TenantOS
 *                               can manage; the others are left and staff are not bothered)
 * @param shutdownOnSuspend      power the server off on suspension (and on again on unsuspension)
 * @param shutdownOnTermination  power the server off before it is wiped
 * @param terminationHostname    the hostname a terminated server gets, with {@code {serviceId}}, {@code {productId}},
 *                               {@code {serverId}} and {@code {date}} (yyyyMMdd); null keeps the customer's hostname
 * @param terminationProfileId   the TenantOS run profile that wipes the disks; null runs none
 * @param wipeDeadline           how long a wipe may take before staff are told it is stuck
 * @param removeUserOnTermination delete the customer's TenantOS user when no server is left to them
 */
public record TenantOsLifecycleSettings(
        boolean disablePortsOnSuspend,
        boolean shutdownOnSuspend,
        boolean shutdownOnTermination,
        String terminationHostname,
        Long terminationProfileId,
        Duration wipeDeadline,
        boolean removeUserOnTermination) {

    public static final TenantOsLifecycleSettings DEFAULTS = new TenantOsLifecycleSettings(
            true, true, true, "free-{serverId}", null, Duration.ofHours(6), true);

    private static final Set<String> KNOWN = Set.of("disablePortsOnSuspend", "shutdownOnSuspend",
            "shutdownOnTermination", "terminationHostname", "terminationProfileId", "wipeDeadline",
            "removeUserOnTermination");

    public TenantOsLifecycleSettings {
        wipeDeadline = wipeDeadline == null ? Duration.ofHours(6) : wipeDeadline;
        if (terminationHostname != null && terminationHostname.isBlank()) {
            terminationHostname = null;
        }
    }

    static TenantOsLifecycleSettings read(SettingsReader settings) {
        settings.onlyKnown(KNOWN);
        return new TenantOsLifecycleSettings(
                settings.flag("disablePortsOnSuspend", DEFAULTS.disablePortsOnSuspend()),
                settings.flag("shutdownOnSuspend", DEFAULTS.shutdownOnSuspend()),
                settings.flag("shutdownOnTermination", DEFAULTS.shutdownOnTermination()),
                settings.text("terminationHostname", DEFAULTS.terminationHostname()),
                settings.optionalWhole("terminationProfileId"),
                settings.duration("wipeDeadline", DEFAULTS.wipeDeadline()),
                settings.flag("removeUserOnTermination", DEFAULTS.removeUserOnTermination()));
    }
}
