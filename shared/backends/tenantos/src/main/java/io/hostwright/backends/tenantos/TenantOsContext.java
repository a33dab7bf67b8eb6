package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ModuleState;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.Service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a TenantOS step or client function needs about one service, resolved once: the TenantOS settings it was
 * sold with, its connection and that connection's API client, and what provisioning remembered (user, server, IPs).
 * Resolving the API client may fail like a call does (the API key is read from its secret).
 */
record TenantOsContext(Service service, TenantOsProductSettings settings, TenantOsConnection connection,
                       TenantOsApi api, TenantOsServiceState state) {

    /**
     * Why a service, product or connection cannot be worked on: the step's failure, the client function's 409, a
     * source's permanent failure.
     */
    static final class Unresolvable extends RuntimeException {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    static TenantOsContext resolve(Service service, ConnectionRepository connections, TenantOsApis apis,
                                   ModuleState states) {
        TenantOsProductSettings settings = productSettings(service.sold().moduleSettings(),
                "the TenantOS settings this service was sold with");
        Connection stored = connections.findConnection(service.connectionId()).orElseThrow(
                () -> new Unresolvable("connection " + service.connectionId() + " is not configured"));
        TenantOsConnection connection = connection(stored);
        return new TenantOsContext(service, settings, connection, apis.of(connection),
                TenantOsServiceState.from(states.load(service.serviceId(), TenantOsBackend.NAME)));
    }

    /** A product's (or a sold service's) TenantOS settings; {@code whose} starts the message when they are unusable. */
    static TenantOsProductSettings productSettings(Map<String, Object> moduleSettings, String whose) {
        SettingsReader read = new SettingsReader(moduleSettings, "moduleSettings");
        TenantOsProductSettings settings = TenantOsProductSettings.read(read);
        if (!read.violations().isEmpty()) {
            throw new Unresolvable(whose + " are not usable: " + describe(read.violations()));
        }
        return settings;
    }

    /** A connection as TenantOS reads it, refused when it is another back-end's or its settings are wrong. */
    static TenantOsConnection connection(Connection stored) {
        if (!TenantOsBackend.NAME.equals(stored.backend())) {
            throw new Unresolvable("connection " + stored.connectionId() + " is a " + stored.backend()
                    + " connection, not a TenantOS one");
        }
        SettingsReader read = new SettingsReader(stored.settings(), "settings");
        TenantOsConnection connection = TenantOsConnection.read(stored, read);
        if (!read.violations().isEmpty()) {
            throw new Unresolvable("TenantOS connection " + stored.connectionId() + " is misconfigured: "
                    + describe(read.violations()));
        }
        return connection;
    }

    /**
     * For the sources the hourly jobs read, which have no step to fail: what cannot be resolved is a permanent
     * failure naming the problem (asking again changes nothing until staff fix the settings).
     */
    static BackendFailure.Permanent unusable(Unresolvable unresolvable) {
        return new BackendFailure.Permanent(unresolvable.getMessage(), 0, unresolvable);
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }

    /** The same service with what the module now remembers. */
    TenantOsContext withState(TenantOsServiceState newState) {
        return new TenantOsContext(service, settings, connection, api, newState);
    }

    /** The staff address told about this service: the one it was sold with, else the connection's. */
    String department() {
        String department = service.sold().department();
        return department == null || department.isBlank() ? connection.department() : department;
    }

    /** Stock is owned by nobody or by the connection's stock account. */
    boolean unowned(TenantOsServer server) {
        return connection.unowned(server);
    }
}
