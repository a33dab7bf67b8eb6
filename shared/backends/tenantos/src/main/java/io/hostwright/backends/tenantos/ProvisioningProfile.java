package io.hostwright.backends.tenantos;

import java.util.List;

/**
 * A TenantOS provisioning ("PXE") profile: an OS installation, or another run such as a disk wipe.
 *
 * @param tags what TenantOS links the profile to scripts and disk layouts by; staff may tag disk wipes and other runs
 *             that install no OS (see {@link TenantOsConnection#nonOsProfileTags})
 */
public record ProvisioningProfile(long id, String name, List<String> tags) {

    public ProvisioningProfile {
        name = name == null ? "" : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A profile without tags. */
    public ProvisioningProfile(long id, String name) {
        this(id, name, List.of());
    }
}
