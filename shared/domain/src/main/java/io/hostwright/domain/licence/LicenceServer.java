package io.hostwright.domain.licence;

import java.util.List;

/**
 * Port: a licence server (ISPsystem's BILLmanager or a reseller's) as the licence use cases need it: the licences, ordering one, renewing,
 * renaming and moving, a new activation key, suspension. Failures are
 * {@link io.hostwright.domain.backend.BackendFailure}s; an order or a renewal the balance does not cover is a
 * permanent one whose message says so.
 */
public interface LicenceServer {

    List<ServerLicence> licences();

    /** Orders a licence for {@code ip}, paid at once; answers its id and key. */
    ServerLicence.Ordered order(String ip, String name, long pricelist, int months);

    void prolong(String licenceId, int months);

    /** Renames it and/or moves it to another IP (null leaves that as it is). */
    void edit(String licenceId, String name, String ip);

    /** A new activation key; answers it. */
    String newKey(String licenceId);

    void suspend(String licenceId);

    void resume(String licenceId);
}
