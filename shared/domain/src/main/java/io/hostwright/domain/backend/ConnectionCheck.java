package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;

/** A back-end asked, with one harmless read, what works with a connection now. */
public interface ConnectionCheck {

    /**
     * @param reachable     the base URL answered at all
     * @param authenticated the credential was accepted
     * @param readWorks     a read came back as the back-end documents it
     * @param latencyMs     how long the read took
     * @param detail        what happened, in words staff act on; never the credential
     */
    record Report(boolean reachable, boolean authenticated, boolean readWorks, long latencyMs, String detail) {
    }

    Report check(Connection connection);
}
