package io.hostwright.backends.tenantos;

import java.util.List;
import java.util.Objects;

/**
 * One TenantOS installation Hostwright provisions on. The API key is not here: {@code apiKeySecret} names where it
 * is kept (Secrets Manager in AWS, a local secret file or variable on the laptop); it is never logged.
 *
 * @param baseUrl          e.g. {@code https://tenantos.example.com}
 * @param stockOwnerUserId the account that owns unsold servers (0 when stock has no owner)
 * @param department       staff e-mail address told about failures
 */
public record TenantOsConnection(
        String connectionId,
        String name,
        String baseUrl,
        String apiKeySecret,
        long stockOwnerUserId,
        List<String> tagsToAddAfterProvisioning,
        List<String> tagsToRemoveAfterProvisioning,
        List<String> tagsToAddAfterTermination,
        List<String> tagsToRemoveAfterTermination,
        String department) {

    public TenantOsConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeySecret, "apiKeySecret");
        tagsToAddAfterProvisioning = List.copyOf(tagsToAddAfterProvisioning);
        tagsToRemoveAfterProvisioning = List.copyOf(tagsToRemoveAfterProvisioning);
        tagsToAddAfterTermination = List.copyOf(tagsToAddAfterTermination);
        tagsToRemoveAfterTermination = List.copyOf(tagsToRemoveAfterTermination);
    }
}
