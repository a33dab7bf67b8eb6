package io.hostwright.backends.tenantos;

/**
 * A switch port the server is cabled to.
 *
 * @param manageable whether TenantOS can set this port up/down (its switch supports it)
 * @param enabled    administratively up
 */
public record SwitchPort(long id, String name, String switchName, boolean manageable, boolean enabled) {
}
