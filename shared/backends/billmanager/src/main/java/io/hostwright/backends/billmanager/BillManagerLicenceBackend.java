package io.hostwright.backends.billmanager;

import io.hostwright.backends.billmanager.http.HttpLicenceServerApi;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.ConnectionCheck;
import io.hostwright.domain.backend.LicenceServers;
import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.licence.LicenceServer;
import io.hostwright.domain.licence.LicenceTerms;
import io.hostwright.domain.problem.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Control-panel licences from a licence BILLmanager — ISPsystem's ({@code https://api.ispsystem.com/manager}) or a
 * reseller's (seed 004). It provisions nothing on its own: products of server back-ends offer its licences through
 * their {@code licence}, and the licence use cases order, reuse, renew and give back through {@link #licenceServers}.
 * A connection's credential is {@code <user>:<password>}; its settings are {@link LicenceTerms}.
 */
public final class BillManagerLicenceBackend implements Backend {

    public static final String NAME = "billmanager-licences";
    public static final String DISPLAY_NAME = "BILLmanager licences";

    /** The registration: the licence server over HTTP, credentials read through the context. */
    public static final BackendFactory FACTORY = factory(context -> new CachedLicenceServers(connection ->
            new HttpLicenceServerApi(connection.baseUrl(), context.keys().resolve(connection.secretRef()),
                    HttpLicenceServerApi.CONNECT_TIMEOUT, HttpLicenceServerApi.REQUEST_TIMEOUT)));

    private final LicenceServers servers;

    private BillManagerLicenceBackend(LicenceServers servers) {
        this.servers = servers;
    }

    /** A factory on other licence servers (tests). */
    public static BackendFactory factory(Function<BackendContext, LicenceServers> servers) {
        return BackendFactory.of(NAME, context -> new BillManagerLicenceBackend(servers.apply(context)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public Set<ServiceType> serviceTypes() {
        return Set.of();
    }

    @Override
    public List<Violation> checkProduct(Product product) {
        return List.of(new Violation("backend", "licences are sold with a server: give a server product a licence"
                + " option and name this connection in its licence.connectionId"));
    }

    @Override
    public List<Violation> checkConnection(Connection connection) {
        SettingsReader reader = new SettingsReader(connection.settings(), "settings");
        reader.onlyKnown(LicenceTerms.SETTINGS);
        LicenceTerms.read(reader);
        return reader.violations();
    }

    @Override
    public Optional<LicenceServers> licenceServers() {
        return Optional.of(servers);
    }

    @Override
    public Optional<ConnectionCheck> connectionCheck() {
        return Optional.of(this::check);
    }

    /** One list of the licences, timed; never changes anything. */
    private ConnectionCheck.Report check(Connection connection) {
        long started = System.nanoTime();
        try {
            LicenceServer server = servers.at(connection);
            int count = server.licences().size();
            return new ConnectionCheck.Report(true, true, true, millisSince(started),
                    "the licence server listed " + count + " licences");
        } catch (IllegalArgumentException unusable) {
            return new ConnectionCheck.Report(false, false, false, millisSince(started), unusable.getMessage());
        } catch (BackendFailure.Permanent refused) {
            boolean credentials = refused.status() == 401 || refused.status() == 403;
            return new ConnectionCheck.Report(refused.status() != 0, !credentials, false, millisSince(started),
                    credentials ? "the licence server refused the credentials: check the secret "
                            + connection.secretRef() : "the licence server refused the list: " + refused.getMessage());
        } catch (BackendFailure.Transient unavailable) {
            return new ConnectionCheck.Report(unavailable.status() != 0, false, false, millisSince(started),
                    "the licence server did not answer usefully: " + unavailable.getMessage());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
