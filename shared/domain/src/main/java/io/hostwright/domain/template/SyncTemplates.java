package io.hostwright.domain.template;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.StockSource;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.ServicesByConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: one sync of one connection (seed 001, hourly). Reads what the back-end offers, applies
 * {@link TemplateSyncPlan} with one conditional write per template that changed, counts the stock of each product on
 * the connection, and records the run.
 *
 * <ul>
 *   <li>A run that finds no change writes nothing to the catalog: its only write is its own run record.</li>
 *   <li>Two runs racing on one connection end as one run would: a write that lost its condition re-reads the
 *       connection's templates and plans again from what the winner wrote.</li>
 *   <li>A back-end that cannot be read fails the run before anything is written; staff are told on the third failed
 *       run in a row, and once more when a run succeeds again.</li>
 *   <li>A template live services were installed with that vanishes is mailed to staff with those services.</li>
 * </ul>
 */
public final class SyncTemplates {

    /** Failed runs in a row before staff are told. */
    public static final int FAILURES_BEFORE_ALERT = 3;
    /** Plans tried when writes keep losing to a racing run. */
    static final int ATTEMPTS = 3;
    /** Past runs read to find a failure streak. */
    private static final int STREAK_WINDOW = 20;

    private final BackendRegistry backends;
    private final ConnectionRepository connections;
    private final CatalogRepository catalog;
    private final ConnectionTemplates templates;
    private final SyncRuns runs;
    private final StockLevels stock;
    private final ServicesByConnection services;
    private final CatalogAlerts alerts;
    private final Clock clock;

    public SyncTemplates(BackendRegistry backends, ConnectionRepository connections, CatalogRepository catalog,
                         ConnectionTemplates templates, SyncRuns runs, StockLevels stock,
                         ServicesByConnection services, CatalogAlerts alerts, Clock clock) {
        this.backends = backends;
        this.connections = connections;
        this.catalog = catalog;
        this.templates = templates;
        this.runs = runs;
        this.stock = stock;
        this.services = services;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Whether a back-end has anything for the sync to read: OS templates, stock, or both. */
    public static boolean syncable(Backend backend) {
        return backend.templates().isPresent() || backend.stock().isPresent();
    }

    /**
     * Runs the sync {@code runId} of a connection, or answers the run as recorded when it has run already (a
     * message delivered twice).
     *
     * @return empty when there is nothing to sync: the connection was deleted since, or its back-end reads neither
     * templates nor stock
     */
    public Optional<SyncRun> run(String connectionId, String runId, String trigger) {
        Optional<Connection> found = connections.findConnection(connectionId);
        Optional<Backend> backend = found.flatMap(c -> backends.find(c.backend()));
        if (backend.isEmpty() || !syncable(backend.get())) {
            return Optional.empty();
        }
        Optional<SyncRun> recorded = runs.find(connectionId, runId);
        if (recorded.isPresent() && recorded.get().finished()) {
            return recorded;
        }
        Connection connection = found.get();
        Instant requestedAt = recorded.map(SyncRun::requestedAt).orElse(null);
        Instant started = clock.instant();
        Tally tally = new Tally();
        SyncRun run;
        try {
            Optional<TemplateSource> source = backend.get().templates();
            if (source.isPresent()) {
                syncTemplates(connection, source.get().templates(connection), tally);
            }
            Optional<StockSource> stockSource = backend.get().stock();
            if (stockSource.isPresent()) {
                syncStock(connection, stockSource.get(), tally);
            }
            run = new SyncRun(connectionId, runId, trigger, SyncRun.Status.SUCCEEDED, requestedAt, started,
                    clock.instant(), tally.added, tally.updated, tally.removed, tally.unchanged, null, tally.warnings,
                    tally.stock);
        } catch (BackendFailure failure) {
            run = new SyncRun(connectionId, runId, trigger, SyncRun.Status.FAILED, requestedAt, started,
                    clock.instant(), tally.added, tally.updated, tally.removed, tally.unchanged,
                    backend.get().displayName() + " could not be read: " + failure.getMessage(), tally.warnings,
                    tally.stock);
        }
        runs.record(run);
        tellAboutStreak(connection, run);
        return Optional.of(run);
    }

    private void syncTemplates(Connection connection, List<UpstreamTemplate> upstream, Tally tally) {
        String connectionId = connection.connectionId();
        int writtenEarlier = 0;
        TemplateSyncPlan plan;
        int attempt = 0;
        while (true) {
            attempt++;
            plan = TemplateSyncPlan.of(connectionId, templates.list(connectionId), upstream, clock.instant());
            int written = 0;
            boolean lost = false;
            for (ConnectionTemplate added : plan.added()) {
                if (templates.add(added)) {
                    tally.added++;
                    written++;
                } else {
                    lost = true;
                }
            }
            for (TemplateSyncPlan.Update update : plan.updated()) {
                if (!templates.updateUpstream(update.before(), update.after())) {
                    lost = true;
                    continue;
                }
                written++;
                if (update.vanishes()) {
                    tally.removed++;
                    tellAboutServicesOn(connection, update.after());
                } else if (update.returns()) {
                    tally.added++;
                } else {
                    tally.updated++;
                }
            }
            if (!lost || attempt == ATTEMPTS) {
                break;
            }
            writtenEarlier += written;
        }
        // what an earlier attempt wrote, the last one found unchanged
        tally.unchanged = Math.max(0, plan.unchanged() - writtenEarlier);
        for (TemplateSyncPlan.Refusal refusal : plan.refused()) {
            tally.warnings.add("template " + refusal.internalName() + " was not added: " + refusal.reason());
            alerts.templateRefused(connection, refusal);
        }
    }

    private void tellAboutServicesOn(Connection connection, ConnectionTemplate gone) {
        List<Service> using = services.onConnection(connection.connectionId()).stream()
                .filter(s -> s.status() != ServiceStatus.TERMINATED)
                .filter(s -> gone.templateId().equals(s.osTemplateId()))
                .toList();
        if (!using.isEmpty()) {
            alerts.templateGone(connection, gone, using);
        }
    }

    private void syncStock(Connection connection, StockSource source, Tally tally) {
        for (Product product : catalog.productsOn(connection.connectionId())) {
            if (!connection.backend().equals(product.backend())) {
                continue;
            }
            int available = Math.max(0, source.available(connection, product));
            tally.stock.put(product.productId(), available);
            record(connection, product, available);
        }
    }

    /**
     * Writes a product's stock only when its count changes, or whether it is below the product's threshold does;
     * staff are told when it falls below, once until it recovers.
     */
    private void record(Connection connection, Product product, int available) {
        Instant now = clock.instant();
        boolean low = product.stockAlertBelow() != null && available < product.stockAlertBelow();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            StockLevel before = stock.find(product.productId()).orElse(null);
            if (before != null && before.available() == available && before.alerted() == low) {
                return;
            }
            boolean tell = low && (before == null || !before.alerted());
            StockLevel after = new StockLevel(product.productId(), available,
                    before != null && before.available() == available ? before.since() : now, low);
            if (stock.replace(before, after)) {
                if (tell) {
                    alerts.stockLow(connection, product, available, now);
                }
                return;
            }
        }
    }

    /** The third failed run in a row tells staff; the first success after three or more tells them it recovered. */
    private void tellAboutStreak(Connection connection, SyncRun run) {
        List<SyncRun> history = new ArrayList<>();
        history.add(run);
        runs.latest(connection.connectionId(), STREAK_WINDOW).stream()
                .filter(SyncRun::finished)
                .filter(r -> r.runId().compareTo(run.runId()) < 0)
                .forEach(history::add);
        if (run.failed()) {
            int streak = failuresFrom(history, 0);
            if (streak == FAILURES_BEFORE_ALERT) {
                alerts.syncFailing(connection, history.get(streak - 1).runId(), streak, run.error());
            }
            return;
        }
        int streak = failuresFrom(history, 1);
        if (streak >= FAILURES_BEFORE_ALERT) {
            alerts.syncRecovered(connection, history.get(streak).runId(), streak);
        }
    }

    private static int failuresFrom(List<SyncRun> newestFirst, int from) {
        int streak = 0;
        for (int i = from; i < newestFirst.size() && newestFirst.get(i).failed(); i++) {
            streak++;
        }
        return streak;
    }

    private static final class Tally {
        int added;
        int updated;
        int removed;
        int unchanged;
        final List<String> warnings = new ArrayList<>();
        final Map<String, Integer> stock = new LinkedHashMap<>();
    }
}
