package io.hostwright.backends.tenantos;

/** A TenantOS account. */
public record TenantOsUser(long id, String email, String name, long roleId) {
}
