package io.hostwright.domain.tenantos;

import java.util.List;

/**
 * A TenantOS server as Hostwright needs it. {@code ownerUserId} is 0 when unowned (TenantOS installs often let an
 * admin account own stock: the connection names that account, see {@link TenantOsConnection#stockOwnerUserId}).
 */
public record TenantOsServer(long id, String hostname, long ownerUserId, String primaryIp, List<String> tags,
                             boolean reinstallationRunning, boolean diskwipeRunning, String cpuModel, long memoryMb) {

    public TenantOsServer {
        tags = List.copyOf(tags);
    }

    public boolean busy() {
        return reinstallationRunning || diskwipeRunning;
    }
}
