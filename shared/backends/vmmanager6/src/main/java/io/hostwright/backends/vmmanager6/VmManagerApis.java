package io.hostwright.backends.vmmanager6;

/** The API client of each connection. */
@FunctionalInterface
public interface VmManagerApis {

    VmManagerApi of(String connectionId, String baseUrl, String secretRef);
}
