package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;

import java.util.stream.Collectors;

/**
 * Whether a TenantOS connection works: one user lookup by an address no customer has ({@code GET /api/users}),
 * timed. It changes nothing upstream; its failure is the report, never an error of the request.
 */
final class TenantOsConnectionCheck implements ConnectionCheck {

    static final String PROBE_EMAIL = "connection-test@hostwright.invalid";

    private final TenantOsApis apis;

    TenantOsConnectionCheck(TenantOsApis apis) {
        this.apis = apis;
    }

    @Override
    public Report check(Connection stored) {
        SettingsReader settings = new SettingsReader(stored.settings(), "settings");
        TenantOsConnection connection = TenantOsConnection.read(stored, settings);
        if (!settings.violations().isEmpty()) {
            return new Report(false, false, false, 0, "the connection's settings are not usable: "
                    + settings.violations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        long started = System.nanoTime();
        try {
            apis.of(connection).findUserByEmail(PROBE_EMAIL);
            return new Report(true, true, true, millisSince(started), "TenantOS answered a user lookup");
        } catch (BackendFailure.Permanent refused) {
            boolean credentials = refused.status() == 401 || refused.status() == 403;
            return new Report(refused.status() != 0, !credentials && refused.status() != 0, false,
                    millisSince(started), credentials ? "TenantOS refused the API key (" + refused.status()
                    + "): check the secret " + stored.secretRef() : "TenantOS refused the lookup: " + refused.getMessage());
        } catch (BackendFailure.Transient unavailable) {
            return new Report(unavailable.status() != 0, unavailable.status() != 0, false, millisSince(started),
                    "TenantOS did not answer usefully: " + unavailable.getMessage());
        }
    }

    private long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
