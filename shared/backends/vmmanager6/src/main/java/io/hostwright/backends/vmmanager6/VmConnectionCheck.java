package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;

import java.util.stream.Collectors;

/**
 * Whether a VMmanager connection works: a session for the admin account and the OS list, timed. It changes nothing
 * upstream; its failure is the report, never an error of the request.
 */
final class VmConnectionCheck implements ConnectionCheck {

    private final VmManagerApis apis;

    VmConnectionCheck(VmManagerApis apis) {
        this.apis = apis;
    }

    @Override
    public Report check(Connection stored) {
        SettingsReader settings = new SettingsReader(stored.settings(), "settings");
        VmConnection connection = VmConnection.read(stored, settings);
        if (!settings.violations().isEmpty()) {
            return new Report(false, false, false, 0, "the connection's settings are not usable: "
                    + settings.violations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        long started = System.nanoTime();
        try {
            int templates = apis.of(connection.connectionId(), connection.baseUrl(), connection.secretRef())
                    .osTemplates().size();
            return new Report(true, true, true, millisSince(started), "VMmanager listed " + templates
                    + " OS templates");
        } catch (IllegalArgumentException unusable) {
            return new Report(false, false, false, millisSince(started), unusable.getMessage());
        } catch (BackendFailure.Permanent refused) {
            boolean credentials = refused.status() == 401 || refused.status() == 403;
            return new Report(refused.status() != 0, !credentials && refused.status() != 0, false,
                    millisSince(started), credentials ? "VMmanager refused the credentials (" + refused.status()
                    + "): check the secret " + stored.secretRef() : "VMmanager refused the OS list: "
                    + refused.getMessage());
        } catch (BackendFailure.Transient unavailable) {
            return new Report(unavailable.status() != 0, false, false, millisSince(started),
                    "VMmanager did not answer usefully: " + unavailable.getMessage());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
