package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

/**
 * Removing a customer's TenantOS user once nothing needs it: not while a server upstream is still theirs, and not
 * while another live service of the same customer on the same connection may be using it (an order provisioning
 * under it before any server is theirs upstream).
 */
final class TenantOsUsers {

    private TenantOsUsers() {
    }

    /** @return what was done, for the step's detail */
    static String removeIfUnused(TenantOsContext s, long userId, ServiceRepository services) {
        if (!s.api().serversOwnedBy(userId).isEmpty()) {
            return "TenantOS user " + userId + " kept: other servers are theirs";
        }
        if (otherLiveServiceOnThisConnection(s, services)) {
            return "TenantOS user " + userId + " kept: another service of the customer uses it";
        }
        try {
            s.api().deleteUser(userId);
        } catch (BackendFailure.Permanent gone) {
            if (gone.status() != 404) {
                throw gone;
            }
        }
        return "TenantOS user " + userId + " removed";
    }

    private static boolean otherLiveServiceOnThisConnection(TenantOsContext s, ServiceRepository services) {
        Service self = s.service();
        return services.listByCustomer(self.customerId()).stream()
                .filter(other -> !other.serviceId().equals(self.serviceId()))
                .filter(other -> TenantOsBackend.NAME.equals(other.backend()))
                .filter(other -> other.status() != ServiceStatus.TERMINATED && other.status() != ServiceStatus.FAILED)
                .anyMatch(other -> s.connection().connectionId().equals(other.connectionId()));
    }
}
