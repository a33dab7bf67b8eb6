package io.hostwright.backends;

import io.hostwright.backends.billmanager.BillManagerLicenceBackend;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.backends.vmmanager6.VmManagerBackend;
import io.hostwright.domain.backend.BackendFactory;

import java.util.List;

/**
 * The back-ends this deployment runs: registering one is one line here (and its module in this module's pom).
 * Everything else — the functions, the laptop runtime, the CDK app — asks the registry, never a vendor by name.
 */
public final class RegisteredBackends {

    public static final List<BackendFactory> ALL = List.of(
            TenantOsBackend.FACTORY,
            VmManagerBackend.FACTORY,
            BillManagerLicenceBackend.FACTORY);

    private RegisteredBackends() {
    }
}
