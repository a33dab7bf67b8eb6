package io.hostwright.domain.template;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.TemplateSource.UpstreamTemplate;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed-001 rules, run by {@link SyncTemplates} on in-memory ports. */
class SyncTemplatesTest {

    private final SyncWorld world = new SyncWorld();

    @Test
    void aFirstSyncAddsEveryTemplateEnabledAndEveryProductOnTheConnectionOffersIt() {
        world.offering("debian-12", "ubuntu-24");

        SyncRun run = world.run();

        assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
        assertThat(run.added()).isEqualTo(2);
        assertThat(world.template("debian-12").state()).isEqualTo(TemplateState.ENABLED);
        assertThat(world.template("debian-12").upstreamId()).isEqualTo("id-debian-12");
        assertThat(world.template("debian-12").name()).isEqualTo("Name of debian-12");
        assertThat(world.template("debian-12").firstSeen()).isEqualTo(run.startedAt());
        assertThat(world.offered()).containsExactly("debian-12", "ubuntu-24");
        assertThat(world.template("ubuntu-24").sortOrder()).isGreaterThan(world.template("debian-12").sortOrder());
    }

    @Test
    void newDisabledGoneRenamedAndResortedTemplatesAcrossThreeSyncs() {
        world.offering("debian-12", "ubuntu-24", "alma-9");
        world.run();
        // staff: disable Alma, rename and move Ubuntu first
        ConnectionTemplate ubuntu = world.template("ubuntu-24");
        world.templates.updateByStaff(ubuntu.editedByStaff("Ubuntu LTS", -5, List.of("lts"), false));
        ConnectionTemplate alma = world.template("alma-9");
        world.templates.updateByStaff(alma.editedByStaff(null, alma.sortOrder(), alma.tags(), true));

        // upstream: Rocky is new, Debian is gone, Ubuntu is renamed there too
        world.upstream = List.of(new UpstreamTemplate("id-ubuntu-24", "ubuntu-24", "Ubuntu 24.04.1"),
                new UpstreamTemplate("id-alma-9", "alma-9", "Name of alma-9"),
                new UpstreamTemplate("id-rocky-9", "rocky-9", "Rocky 9"));
        SyncRun second = world.run();

        assertThat(second).extracting(SyncRun::added, SyncRun::updated, SyncRun::removed, SyncRun::unchanged)
                .containsExactly(1, 1, 1, 1);
        assertThat(world.template("debian-12").state()).isEqualTo(TemplateState.GONE_UPSTREAM);
        assertThat(world.template("debian-12").goneSince()).isNotNull();
        assertThat(world.template("alma-9").state()).isEqualTo(TemplateState.DISABLED_BY_STAFF);
        assertThat(world.template("ubuntu-24")).satisfies(t -> {
            assertThat(t.upstreamName()).isEqualTo("Ubuntu 24.04.1");
            assertThat(t.name()).as("staff's name wins").isEqualTo("Ubuntu LTS");
            assertThat(t.sortOrder()).isEqualTo(-5);
            assertThat(t.tags()).containsExactly("lts");
        });
        assertThat(world.offered()).containsExactly("ubuntu-24", "rocky-9");

        // Debian comes back; Alma stays off, though upstream offers it
        world.offering("debian-12", "ubuntu-24", "alma-9", "rocky-9");
        world.upstream = new ArrayList<>(world.upstream);
        world.upstream.set(1, new UpstreamTemplate("id-ubuntu-24", "ubuntu-24", "Ubuntu 24.04.1"));
        SyncRun third = world.run();

        assertThat(third.added()).as("Debian is back").isEqualTo(1);
        assertThat(world.template("debian-12").state()).isEqualTo(TemplateState.ENABLED);
        assertThat(world.template("alma-9").state()).isEqualTo(TemplateState.DISABLED_BY_STAFF);
        assertThat(world.offered()).containsExactly("ubuntu-24", "debian-12", "rocky-9");
    }

    @Test
    void aSyncThatFindsNoChangeWritesNothingButItsRun() {
        world.offering("debian-12", "ubuntu-24");
        world.run();
        int templateWrites = world.templates.writes();
        int stockWrites = world.stock.writes();

        SyncRun again = world.run();

        assertThat(again.added() + again.updated() + again.removed()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(world.templates.writes()).isEqualTo(templateWrites);
        assertThat(world.stock.writes()).isEqualTo(stockWrites);
        assertThat(world.runs.count()).isEqualTo(2);
    }

    @Test
    void aTemplateGoneUpstreamIsNeverOfferedAgainUntilItReturns() {
        world.offering("debian-12", "ubuntu-24");
        world.run();
        world.offering("ubuntu-24");

        world.run();
        SyncRun third = world.run();

        assertThat(world.offered()).containsExactly("ubuntu-24");
        assertThat(third.unchanged()).as("a template gone stays gone without a write").isEqualTo(2);
    }

    @Test
    void aVanishedTemplateLiveServicesUseIsMailedOnceWithThoseServices() {
        world.offering("debian-12", "ubuntu-24");
        world.run();
        Product product = world.product(SyncWorld.PRODUCT);
        Service live = service("svc_live", product, "debian-12", ServiceStatus.ACTIVE);
        Service suspended = service("svc_susp", product, "debian-12", ServiceStatus.SUSPENDED);
        service("svc_gone", product, "debian-12", ServiceStatus.TERMINATED);
        service("svc_ubuntu", product, "ubuntu-24", ServiceStatus.ACTIVE);
        world.offering("ubuntu-24");

        world.run();
        world.run();

        assertThat(world.mails("staff-template-gone")).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("noc@example.test");
            assertThat(mail.variables().get(MailVariables.SERVICES)).contains(live.serviceId())
                    .contains(suspended.serviceId()).doesNotContain("svc_gone").doesNotContain("svc_ubuntu");
        });
    }

    @Test
    void aVanishedTemplateNoLiveServiceUsesTellsNobody() {
        world.offering("debian-12", "ubuntu-24");
        world.run();
        world.offering("ubuntu-24");

        world.run();

        assertThat(world.mails("staff-template-gone")).isEmpty();
    }

    private Service service(String id, Product product, String os, ServiceStatus status) {
        Service base = Samples.service(id, "cust", product, status);
        Service service = new Service(base.serviceId(), base.orderId(), base.customerId(), base.customerEmail(),
                base.sold(), base.hostname(), os, os, status, null, 1, base.createdAt(), base.updatedAt());
        world.services.add(service);
        return service;
    }

    @Test
    void aRepositoryWithAHyphenIsRefusedWithAStaffMessageOnce() {
        world.upstream = List.of(UpstreamTemplate.inRepository("1", "ISPsystem", "Debian-12", "Debian 12"),
                UpstreamTemplate.inRepository("2", "my-repo", "Alma-9", "Alma 9"));

        SyncRun run = world.run();
        world.run();

        assertThat(run.added()).isEqualTo(1);
        assertThat(world.templates.find(SyncWorld.CONNECTION, "ISPsystem__Debian-12")).isPresent();
        assertThat(world.templates.list(SyncWorld.CONNECTION)).hasSize(1);
        assertThat(run.warnings()).singleElement().asString().contains("my-repo__Alma-9").contains("hyphen");
        List<MailRequest> refused = world.mails("staff-template-refused");
        assertThat(refused).hasSize(2).extracting(MailRequest::event).containsOnly("template-refused#my-repo__Alma-9");
        assertThat(refused.getFirst().variables()).as("named as the catalog would, with the back-end's name")
                .containsEntry(MailVariables.OS, "Alma 9 (my-repo__Alma-9)");
    }

    @Test
    void aFailingBackEndRecordsAFailedRunLeavesTheCatalogAndTellsStaffOnTheThirdAndOnRecovery() {
        world.offering("debian-12");
        world.run();
        int writes = world.templates.writes();
        world.offering("debian-12", "ubuntu-24");
        world.failure = new BackendFailure.Transient("connection refused", 0, null, null);

        SyncRun first = world.run();
        world.run();
        assertThat(world.mails("staff-sync-failing")).isEmpty();
        world.run();
        world.run();

        assertThat(first.status()).isEqualTo(SyncRun.Status.FAILED);
        assertThat(first.error()).contains("connection refused");
        assertThat(world.templates.writes()).as("the catalog is left as it was").isEqualTo(writes);
        assertThat(world.mails("staff-sync-failing")).singleElement().satisfies(mail ->
                assertThat(mail.variables()).containsEntry(MailVariables.FAILED_RUNS, "3")
                        .containsEntry(MailVariables.CONNECTION, SyncWorld.CONNECTION));

        world.failure = null;
        SyncRun recovered = world.run();
        world.run();

        assertThat(recovered.added()).isEqualTo(1);
        assertThat(world.mails("staff-sync-recovered")).singleElement().satisfies(mail ->
                assertThat(mail.variables()).containsEntry(MailVariables.FAILED_RUNS, "4"));
    }

    @Test
    void twoFailuresThenASuccessTellNobody() {
        world.offering("debian-12");
        world.failure = new BackendFailure.Permanent("401 Unauthorized", 401, null);
        world.run();
        world.run();
        world.failure = null;

        world.run();

        assertThat(world.mails).isEmpty();
    }

    @Test
    void aRunDeliveredTwiceRunsOnce() {
        world.offering("debian-12");
        SyncTemplates sync = world.sync();
        SyncRun first = sync.run(SyncWorld.CONNECTION, "run_1", SyncRun.STAFF).orElseThrow();
        world.offering("debian-12", "ubuntu-24");

        SyncRun again = sync.run(SyncWorld.CONNECTION, "run_1", SyncRun.STAFF).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(world.templates.list(SyncWorld.CONNECTION)).hasSize(1);
    }

    @Test
    void stockIsRecordedPerProductOnlyWhenItChangesAndStaffAreToldOncePerFall() {
        Product product = world.product(SyncWorld.PRODUCT);
        world.catalog.saveProduct(new Product(product.productId(), product.name(), product.description(),
                product.type(), product.backend(), product.connectionId(), product.department(), product.osTemplates(),
                product.options(), product.prices(), product.moduleSettings(), true, 0, 2, List.of()));
        world.offering("debian-12");
        world.available = 3;

        SyncRun first = world.run();
        world.run();
        assertThat(first.stock()).containsEntry(SyncWorld.PRODUCT, 3);
        assertThat(world.stock.writes()).isEqualTo(1);

        world.available = 1;
        world.run();
        world.available = 0;
        world.run();
        assertThat(world.mails("staff-stock-low")).singleElement().satisfies(mail ->
                assertThat(mail.variables()).containsEntry(MailVariables.STOCK, "1"));
        assertThat(world.stock.find(SyncWorld.PRODUCT).orElseThrow().outOfStock()).isTrue();

        world.available = 4;
        world.run();
        world.available = 1;
        world.run();
        assertThat(world.mails("staff-stock-low")).hasSize(2);
    }

    @Test
    void twoRunsRacingOnOneConnectionEndAsOneRunWould() throws Exception {
        SyncWorld alone = new SyncWorld();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add("os-" + i);
        }
        world.offering(names.toArray(String[]::new));
        world.run();
        alone.offering(names.toArray(String[]::new));
        alone.run();
        // then half go, a third are renamed, ten are new, on both
        List<UpstreamTemplate> next = new ArrayList<>();
        for (int i = 30; i < 70; i++) {
            next.add(new UpstreamTemplate("id-os-" + i, "os-" + i, i % 3 == 0 ? "Renamed " + i : "Name of os-" + i));
        }
        world.upstream = next;
        alone.upstream = next;
        world.clock.advance(Duration.ofMinutes(1));
        alone.clock.advance(Duration.ofMinutes(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SyncRun>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String runId = "run_race_" + i;
            SyncTemplates sync = world.sync();
            racing.add(pool.submit(() -> {
                start.await();
                return sync.run(SyncWorld.CONNECTION, runId, SyncRun.SCHEDULE).orElseThrow();
            }));
        }
        start.countDown();
        SyncRun a = racing.get(0).get();
        SyncRun b = racing.get(1).get();
        pool.shutdown();
        SyncRun single = alone.sync().run(SyncWorld.CONNECTION, "run_single", SyncRun.SCHEDULE).orElseThrow();

        assertThat(world.templates.list(SyncWorld.CONNECTION)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "goneSince", "firstSeen").containsExactlyElementsOf(alone.templates.list(SyncWorld.CONNECTION));
        assertThat(world.offered()).containsExactlyElementsOf(alone.offered());
        assertThat(a.added() + b.added()).isEqualTo(single.added());
        assertThat(a.removed() + b.removed()).isEqualTo(single.removed());
        assertThat(a.updated() + b.updated()).isEqualTo(single.updated());
        assertThat(world.templates.writes()).as("no template written twice")
                .isEqualTo(alone.templates.writes());
    }

    @Test
    void aConnectionWhoseBackEndSyncsNothingHasNoRun() {
        SyncTemplates sync = world.sync();

        assertThat(sync.run("no-such-connection", "run_1", SyncRun.STAFF)).isEmpty();
        assertThat(world.runs.count()).isZero();
    }

    @Test
    void stockOfProductsOnOtherConnectionsIsNotRead() {
        world.catalog.saveProduct(Samples.dedicated("other", "fake", "c2", Map.of()));
        world.offering("debian-12");

        SyncRun run = world.run();

        assertThat(run.stock()).containsOnlyKeys(SyncWorld.PRODUCT);
    }
}
