package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.problem.Violation;
import io.hostwright.domain.service.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a VMmanager step or client function needs about one service, resolved once: the settings it was sold
 * with, its connection and API client, and what the module remembered (account, host, task, IPs).
 */
record VmContext(Service service, VmProductSettings settings, VmConnection connection, VmManagerApi api,
                 VmServiceState state) {

    /** Why a service, product or connection cannot be worked on. */
    static final class Unresolvable extends RuntimeException {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    static VmContext resolve(Service service, BackendContext context, VmManagerApis apis) {
        VmProductSettings settings = productSettings(service.sold().moduleSettings(),
                "the VMmanager settings this service was sold with");
        Connection stored = context.connections().findConnection(service.connectionId()).orElseThrow(
                () -> new Unresolvable("connection " + service.connectionId() + " is not configured"));
        VmConnection connection = connection(stored);
        return new VmContext(service, settings, connection,
                apis.of(connection.connectionId(), connection.baseUrl(), connection.secretRef()),
                VmServiceState.from(context.states().load(service.serviceId(), VmManagerBackend.NAME)));
    }

    static VmProductSettings productSettings(Map<String, Object> moduleSettings, String whose) {
        SettingsReader read = new SettingsReader(moduleSettings, "moduleSettings");
        VmProductSettings settings = VmProductSettings.read(read);
        if (!read.violations().isEmpty()) {
            throw new Unresolvable(whose + " are not usable: " + describe(read.violations()));
        }
        return settings;
    }

    static VmConnection connection(Connection stored) {
        if (!VmManagerBackend.NAME.equals(stored.backend())) {
            throw new Unresolvable("connection " + stored.connectionId() + " is a " + stored.backend()
                    + " connection, not a VMmanager 6 one");
        }
        SettingsReader read = new SettingsReader(stored.settings(), "settings");
        VmConnection connection = VmConnection.read(stored, read);
        if (!read.violations().isEmpty()) {
            throw new Unresolvable("VMmanager connection " + stored.connectionId() + " is misconfigured: "
                    + describe(read.violations()));
        }
        return connection;
    }

    /** For sources the scheduled jobs read: what cannot be resolved is a permanent failure naming the problem. */
    static BackendFailure.Permanent unusable(Unresolvable unresolvable) {
        return new BackendFailure.Permanent(unresolvable.getMessage(), 0, unresolvable);
    }

    VmContext withState(VmServiceState newState) {
        return new VmContext(service, settings, connection, api, newState);
    }

    /** The e-mail the customer's VMmanager account has: theirs, or a generated one in reseller setups. */
    String accountEmail() {
        if (connection.generatedEmailDomain() == null) {
            return service.customerEmail();
        }
        return generatedEmail(service.customerId(), connection.generatedEmailDomain());
    }

    /**
     * {@code vm<12 hex digits>@<domain>}: the first 48 bits of the customer id's SHA-256, the same for every service of
     * the customer and, unlike a 32-bit hash, not shared by two customers of any realistic provider (two accounts on
     * one address would give one customer the other's panel).
     */
    static String generatedEmail(String customerId, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            return "vm" + HexFormat.of().formatHex(digest, 0, 6) + "@" + domain;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    String department() {
        return service.sold().department() != null ? service.sold().department() : connection.department();
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }
}
