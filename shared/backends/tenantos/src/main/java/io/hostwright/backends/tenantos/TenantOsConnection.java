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
        String department) {

    static final Set<String> KNOWN = Set.of("stockOwnerUserId", "tagsToAddAfterProvisioning",
            "tagsToRemoveAfterProvisioning", "tagsToAddAfterTermination", "tagsToRemoveAfterTermination");

    public TenantOsConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secretRef, "secretRef");
        tagsToAddAfterProvisioning = List.copyOf(tagsToAddAfterProvisioning);
        tagsToRemoveAfterProvisioning = List.copyOf(tagsToRemoveAfterProvisioning);
        tagsToAddAfterTermination = List.copyOf(tagsToAddAfterTermination);
        tagsToRemoveAfterTermination = List.copyOf(tagsToRemoveAfterTermination);
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
                connection.department());
    }
}
