package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendFailure;

import java.time.Duration;
import java.util.List;

/**
 * A licence server asked only while a time budget lasts: a call that would start after it is spent fails as a
 * transient failure instead, so a slow licence server ends an attempt (retried later) rather than the function's
 * invocation. A call started in time may still take the adapter's request timeout.
 */
final class BudgetedLicenceServer implements LicenceServer {

    private final LicenceServer server;
    private final Duration budget;
    private final long started = System.nanoTime();

    BudgetedLicenceServer(LicenceServer server, Duration budget) {
        this.server = server;
        this.budget = budget;
    }

    private void inTime(String call) {
        if (System.nanoTime() - started > budget.toNanos()) {
            throw new BackendFailure.Transient("the licence server took more than " + budget.toSeconds()
                    + " s for this attempt; " + call + " is left for the next", 0, null, null);
        }
    }

    @Override
    public List<ServerLicence> licences() {
        inTime("the list");
        return server.licences();
    }

    @Override
    public ServerLicence.Ordered order(String ip, String name, long pricelist, int months) {
        inTime("the order");
        return server.order(ip, name, pricelist, months);
    }

    @Override
    public void prolong(String licenceId, int months) {
        inTime("the renewal");
        server.prolong(licenceId, months);
    }

    @Override
    public void edit(String licenceId, String name, String ip) {
        inTime("the change");
        server.edit(licenceId, name, ip);
    }

    @Override
    public String newKey(String licenceId) {
        inTime("the new key");
        return server.newKey(licenceId);
    }

    @Override
    public void suspend(String licenceId) {
        inTime("the suspension");
        server.suspend(licenceId);
    }

    @Override
    public void resume(String licenceId) {
        inTime("the resumption");
        server.resume(licenceId);
    }
}
