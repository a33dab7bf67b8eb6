package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One TenantOS installation, as the module reads a {@link Connection} of back-end {@code tenantos}. The API key is
 * not here: {@code secretRef} names where it is kept; it is never logged.
 *
 * @param stockOwnerUserId the account that owns unsold servers (0 when stock has no owner)
 * @param department       staff e-mail address told about failures when the product names none
 * @param nonOsProfileTags a provisioning profile carrying any of these tags installs no OS (a disk wipe, a rescue
 *                         system, a memory test) and is never offered as an OS template; {@link #NON_OS_PROFILE_TAGS}
 *                         unless the connection says otherwise ({@code []}: none)
 */
public record TenantOsConnection(
        String connectionId,
        String name,
        String baseUrl,
        String secretRef,
        long stockOwnerUserId,
        List<String> tagsToAddAfterProvisioning,
        List<String> tagsToRemoveAfterProvisioning,
        List<String> tagsToAddAfterTermination,
        List<String> tagsToRemoveAfterTermination,
        String department,
        List<String> nonOsProfileTags) {

    /**
     * Unless the connection names its own: the tag the simulator's disk wipe carries. [U] Which tags TenantOS's own
     * wipe and rescue profiles carry is not public; staff tag them (or name their tags here).
     */
    public static final List<String> NON_OS_PROFILE_TAGS = List.of("wipe");

    static final Set<String> KNOWN = Set.of("stockOwnerUserId", "tagsToAddAfterProvisioning",
            "tagsToRemoveAfterProvisioning", "tagsToAddAfterTermination", "tagsToRemoveAfterTermination",
            "nonOsProfileTags");

    public TenantOsConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secretRef, "secretRef");
        tagsToAddAfterProvisioning = List.copyOf(tagsToAddAfterProvisioning);
        tagsToRemoveAfterProvisioning = List.copyOf(tagsToRemoveAfterProvisioning);
        tagsToAddAfterTermination = List.copyOf(tagsToAddAfterTermination);
        tagsToRemoveAfterTermination = List.copyOf(tagsToRemoveAfterTermination);
        nonOsProfileTags = nonOsProfileTags == null ? NON_OS_PROFILE_TAGS : List.copyOf(nonOsProfileTags);
    }

    /** Reads the connection's settings, recording every problem on the reader. */
    public static TenantOsConnection read(Connection connection, SettingsReader settings) {
        settings.onlyKnown(KNOWN);
        long stockOwner = settings.whole("stockOwnerUserId", 0);
        if (stockOwner < 0) {
            settings.problem("stockOwnerUserId", "must be a TenantOS user id, or 0 when stock has no owner");
        }
        return new TenantOsConnection(connection.connectionId(), connection.name(), connection.baseUrl(),
                connection.secretRef(), stockOwner,
                settings.texts("tagsToAddAfterProvisioning"), settings.texts("tagsToRemoveAfterProvisioning"),
                settings.texts("tagsToAddAfterTermination"), settings.texts("tagsToRemoveAfterTermination"),
                connection.department(),
                settings.has("nonOsProfileTags") ? settings.texts("nonOsProfileTags") : NON_OS_PROFILE_TAGS);
    }

    /** Stock is owned by nobody or by the connection's stock account. */
    public boolean unowned(TenantOsServer server) {
        return server.ownerUserId() == 0 || server.ownerUserId() == stockOwnerUserId;
    }
}
