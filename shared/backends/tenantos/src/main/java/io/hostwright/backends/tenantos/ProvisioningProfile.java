package io.hostwright.backends.tenantos;

/** An OS installation profile (TenantOS "PXE profile"). */
public record ProvisioningProfile(long id, String name) {
}
