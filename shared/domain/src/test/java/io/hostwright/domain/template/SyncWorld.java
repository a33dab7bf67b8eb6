package io.hostwright.domain.template;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.StockSource;
import io.hostwright.domain.backend.TemplateSource;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.InMemoryCatalog;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemoryConnectionTemplates;
import io.hostwright.domain.fixtures.InMemoryStockLevels;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.service.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One connection {@code c1} of a fake back-end whose OS templates and stock the test sets, a product {@code p1} on
 * it, and every port in memory: what the sync tests run on.
 */
final class SyncWorld {

    static final String CONNECTION = "c1";
    static final String PRODUCT = "p1";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryConnectionTemplates templates = new InMemoryConnectionTemplates();
    final InMemoryStockLevels stock = new InMemoryStockLevels();
    final Runs runs = new Runs();
    final List<MailRequest> mails = new CopyOnWriteArrayList<>();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final List<Service> services = new CopyOnWriteArrayList<>();
    final Connection connection = new Connection(CONNECTION, "fake", "Fake one", "https://fake.test", "env:KEY",
            "noc@example.test", Map.of());
    /** What the back-end offers now. */
    volatile List<UpstreamTemplate> upstream = new ArrayList<>();
    volatile int available = 3;
    /** When set, every read of the back-end fails with it. */
    volatile BackendFailure failure;
    final SortableIds ids = new SortableIds(clock);

    SyncWorld() {
        catalog.saveProduct(Samples.dedicated(PRODUCT, "fake", CONNECTION, Map.of()));
    }

    Product product(String productId) {
        return catalog.findProduct(productId).orElseThrow();
    }

    SyncWorld offering(String... internalNames) {
        List<UpstreamTemplate> list = new ArrayList<>();
        for (String name : internalNames) {
            list.add(new UpstreamTemplate("id-" + name, name, "Name of " + name));
        }
        upstream = list;
        return this;
    }

    SyncTemplates sync() {
        TemplateSource source = c -> {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(upstream);
        };
        StockSource stockSource = (c, p) -> {
            if (failure != null) {
                throw failure;
            }
            return available;
        };
        FakeBackend backend = new FakeBackend("fake", null, null, null).withSources(source, stockSource);
        return new SyncTemplates(FakeBackend.registry(backend), InMemoryConnections.of(connection), catalog,
                templates, runs, stock,
                connectionId -> services.stream().filter(s -> s.sold().connectionId().equals(connectionId)).toList(),
                new CatalogAlerts(mails::add), clock);
    }

    /** One run, a minute after the last. */
    SyncRun run() {
        clock.advance(Duration.ofMinutes(1));
        return sync().run(CONNECTION, ids.next("run"), SyncRun.SCHEDULE).orElseThrow();
    }

    ConnectionTemplate template(String templateId) {
        return templates.find(CONNECTION, templateId).orElseThrow();
    }

    /** What product {@code p1} offers now, as the catalog resolves it. */
    List<String> offered() {
        return OfferedTemplates.resolve(product(PRODUCT), templates.list(CONNECTION)).osTemplates().stream()
                .map(t -> t.id()).toList();
    }

    List<MailRequest> mails(String templateKey) {
        return mails.stream().filter(m -> m.template().key().equals(templateKey)).toList();
    }

    /** Sync runs in memory, newest first by run id. */
    static final class Runs implements SyncRuns {

        private final Map<String, SyncRun> byId = new LinkedHashMap<>();

        @Override
        public synchronized void record(SyncRun run) {
            byId.put(run.connectionId() + "/" + run.runId(), run);
        }

        @Override
        public synchronized Optional<SyncRun> find(String connectionId, String runId) {
            return Optional.ofNullable(byId.get(connectionId + "/" + runId));
        }

        @Override
        public synchronized List<SyncRun> latest(String connectionId, int limit) {
            return byId.values().stream().filter(r -> r.connectionId().equals(connectionId))
                    .sorted(Comparator.comparing(SyncRun::runId).reversed()).limit(limit).toList();
        }

        @Override
        public synchronized void deleteAll(String connectionId) {
            byId.values().removeIf(r -> r.connectionId().equals(connectionId));
        }

        synchronized int count() {
            return byId.size();
        }
    }
}
