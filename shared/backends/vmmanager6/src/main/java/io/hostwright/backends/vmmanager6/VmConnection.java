package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;

import java.util.Set;

/**
 * A connection to one VMmanager 6 installation: its base URL and secret ({@code <admin e-mail>:<password>}) from the
 * connection, and, for reseller setups where customers must not appear under their own address, the domain of the
 * generated account addresses ({@code vm<number>@<domain>}).
 */
record VmConnection(String connectionId, String baseUrl, String secretRef, String department,
                    String generatedEmailDomain) {

    static final Set<String> KNOWN = Set.of("generatedEmailDomain");

    static VmConnection read(Connection c, SettingsReader r) {
        r.onlyKnown(KNOWN);
        String domain = r.text("generatedEmailDomain", null);
        if (domain != null && !domain.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
            r.problem("generatedEmailDomain", "must be a domain name, e.g. vps.example.net");
        }
        return new VmConnection(c.connectionId(), c.baseUrl(), c.secretRef(), c.department(), domain);
    }
}
