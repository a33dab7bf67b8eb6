package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.backends.tenantos.http.HttpTenantOsApi;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.Eventually;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.tenantos.Settings;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.SimulatedUser;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TenantOS order end to end on the laptop runtime: HTTP API, DynamoDB Local, ElasticMQ, the SES emulator and the
 * TenantOS simulator, with the real provisioning function.
 */
@ExtendWith(LocalAwsExtension.class)
class TenantOsProvisioningEndToEndTest {

    private static LocalRuntime runtime;
    private TenantOsSimulator simulator;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void freshStock() {
        simulator = TenantOsOrders.simulator(runtime);
        simulator.reset();
        simulator.settings(Settings.tests());
    }

    @Test
    void anOrderEndsActiveOnAServerOwnedConfiguredAndInstalledAsOrdered() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("web1.example.com", 3);

        JsonNode service = orders.awaitService(placed, Duration.ofSeconds(60),
                s -> s.path("status").asText().equals("ACTIVE") && TenantOsOrders.stepsSettled(s));
        assertThat(service.path("steps")).extracting(step -> step.path("status").asText()).containsOnly("SUCCEEDED");
        assertThat(service.toString()).doesNotContain(simulator.rootPasswordOf(105).orElse("no password")
                .isEmpty() ? "-" : "rootPassword");

        SimulatedUser user = simulator.userByEmail(placed.email()).orElseThrow();
        assertThat(user.roleId()).isEqualTo(3);
        SimulatedServer server = simulator.servers().stream()
                .filter(s -> s.userId() != null && s.userId() == user.id()).findFirst().orElseThrow();
        assertThat(server.hostname()).isEqualTo("web1.example.com");
        assertThat(server.tags()).contains("assigned", "ryzen7950x").doesNotContain("forRent");
        assertThat(server.ipAssignments()).hasSize(3);
        assertThat(server.os()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(server.reinstallationRunning()).isFalse();

        List<JsonNode> mails = orders.awaitMails(placed.email(), 3, Duration.ofSeconds(20));
        assertThat(mails).extracting(m -> m.path("subject").asText()).containsExactlyInAnyOrder(
                "Your order " + placed.orderId() + " for Test ryzen7950x is confirmed",
                "Your server web1.example.com is being installed",
                "Your server web1.example.com is ready to use");
        JsonNode ready = mails.stream().filter(m -> m.path("subject").asText().endsWith("ready to use")).findFirst().orElseThrow();
        String password = simulator.rootPasswordOf(server.id()).orElseThrow();
        assertThat(ready.path("text").asText())
                .contains(password)
                .contains(server.primaryIp())
                .contains("Debian 12 (Bookworm)");
        assertThat(mails).as("the root password goes out once").filteredOn(m -> m.path("text").asText()
                .contains(password)).hasSize(1);
        assertThat(mails).as("every mail names the OS as the catalog does").allSatisfy(m -> assertThat(
                m.path("text").asText()).doesNotContain("debian-12"));
        assertThat(mails).filteredOn(m -> m.path("subject").asText().endsWith("is confirmed")).singleElement()
                .satisfies(m -> assertThat(m.path("text").asText()).contains("Operating system: Debian 12 (Bookworm)"));
        server.ipAssignments().stream().filter(a -> !a.primary())
                .forEach(a -> assertThat(ready.path("text").asText()).contains(a.ip()));
        assertThat(service.toString()).doesNotContain(password);
    }

    /**
     * Right after a start TenantOS may still report the server's job before: for a server back from a wipe, that
     * wipe's "finished". Provisioning must not take it for the new install's end — the service would go ACTIVE, and
     * the customer get the "ready" mail with the root password, while the OS is still being installed.
     */
    @Test
    void aServerBackFromAWipeGoesActiveOnlyOnceItsOsIsReallyInstalledThoughTheStatusLags() {
        int staleReads = 3;
        // staff wiped this hardware's whole stock in TenantOS: whichever server the order gets, its last job is a wipe
        TenantOsApi staff = new HttpTenantOsApi(simulator.baseUrl(), simulator.apiKey());
        List<Long> stock = simulator.servers().stream().filter(s -> s.hasTag("ryzen7950x")).map(SimulatedServer::id)
                .toList();
        stock.forEach(id -> staff.startReinstallation(id, 90, null, null));
        Eventually.await("the stock wiped", Duration.ofSeconds(20), () -> stock.stream()
                .allMatch(id -> simulator.server(id).install().status().equals("finished")));
        // long enough that the job is seen running after the stale reads (each await-install poll is ~1 s apart)
        simulator.setInstallDuration(Duration.ofSeconds(6));
        simulator.setStaleStatusReads(staleReads);
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("lagging.example.com", 1);

        List<String> toldTooEarly = new ArrayList<>();
        Eventually.await("the service ACTIVE and its ready mail", Duration.ofMinutes(3), () -> {
            boolean active = orders.service(placed).path("status").asText().equals("ACTIVE");
            long readyMails = readyMails(orders, placed).size();
            // read after the service and the mails: an install once finished stays finished
            Optional<SimulatedServer.Install> install = installed(stock).map(SimulatedServer::install);
            if ((active || readyMails > 0) && install.filter(i -> i.status().equals("finished")).isEmpty()) {
                toldTooEarly.add("ACTIVE " + active + ", " + readyMails + " ready mail(s), install " + install);
            }
            return active && readyMails == 1;
        });
        assertThat(toldTooEarly).as("the customer told before the OS was installed").isEmpty();

        SimulatedServer server = installed(stock).orElseThrow();
        SimulatedServer.Install install = server.install();
        assertThat(install.staleStatusReads()).as("provisioning was shown the wipe's finished").isEqualTo(staleReads);
        Instant installed = install.endedAt();
        JsonNode service = orders.awaitService(placed, Duration.ofSeconds(20), TenantOsOrders::stepsSettled);
        JsonNode awaitInstall = service.path("steps").get(service.path("steps").size() - 1);
        assertThat(awaitInstall.path("name").asText()).isEqualTo("await-install");
        assertThat(awaitInstall.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Instant.parse(awaitInstall.path("updatedAt").asText())).isAfterOrEqualTo(installed);
        assertThat(Instant.parse(service.path("updatedAt").asText())).isAfterOrEqualTo(installed);
        // the mail emulator keeps whole seconds
        assertThat(readyMails(orders, placed)).allSatisfy(mail -> assertThat(Instant.parse(mail.path("at").asText()))
                .isAfterOrEqualTo(installed.truncatedTo(ChronoUnit.SECONDS)));
        assertThat(server.os()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(readyMails(orders, placed)).anySatisfy(mail -> assertThat(mail.path("text").asText())
                .contains(simulator.rootPasswordOf(server.id()).orElseThrow()));
    }

    /** The stock server whose last job is no longer the wipe: the one the order installs. */
    private Optional<SimulatedServer> installed(List<Long> stock) {
        return stock.stream().map(simulator::server).filter(s -> !s.install().wipe()).findFirst();
    }

    /** "Your server is ready to use", the one mail with the root password. */
    private static List<JsonNode> readyMails(TenantOsOrders orders, TenantOsOrders.Placed placed) {
        return orders.mails(placed.email()).stream().filter(m -> m.path("subject").asText().contains(" ready"))
                .toList();
    }

    @Test
    void tenConcurrentOrdersForFourServersGiveFourDistinctServersAndTheRestWaitForStock() throws Exception {
        TenantOsOrders orders = new TenantOsOrders(runtime, "e2388g", Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<TenantOsOrders.Placed> placed = new ArrayList<>();
        try {
            List<Future<TenantOsOrders.Placed>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                // two IPv4 each: the winners' set-ips steps race for the same free addresses too
                futures.add(pool.submit(() -> orders.order("race" + n + ".example.com", 2)));
            }
            for (Future<TenantOsOrders.Placed> f : futures) {
                placed.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> finals = new ArrayList<>();
        for (TenantOsOrders.Placed p : placed) {
            finals.add(orders.awaitService(p, Duration.ofSeconds(90), s -> s.path("status").asText().equals("ACTIVE")
                    || s.path("statusReason").asText().startsWith("waiting for stock")));
        }
        long active = finals.stream().filter(s -> s.path("status").asText().equals("ACTIVE")).count();
        long waiting = finals.stream().filter(s -> s.path("statusReason").asText().startsWith("waiting for stock")).count();
        // the last servers may still be installing when the waiting ones are seen: wait for every winner
        for (TenantOsOrders.Placed p : placed) {
            orders.awaitService(p, Duration.ofSeconds(90), s -> s.path("status").asText().equals("ACTIVE")
                    || s.path("statusReason").asText().startsWith("waiting for stock"));
        }
        assertThat(active + waiting).isEqualTo(10);
        assertThat(waiting).isEqualTo(6);

        Set<Long> owners = new HashSet<>();
        for (SimulatedServer server : simulator.servers()) {
            if (server.tags().contains("e2388g") && server.userId() != null && server.userId() != 1) {
                owners.add(server.userId());
                assertThat(server.ipAssignments()).hasSize(2);
            }
        }
        assertThat(owners).as("four servers, each owned by a different customer").hasSize(4);
        List<JsonNode> staff = orders.awaitMails(orders.department, 6, Duration.ofSeconds(20));
        assertThat(staff).hasSize(6).allSatisfy(m -> {
            assertThat(m.path("subject").asText()).contains("waits for stock");
            assertThat(m.path("text").asText()).contains("no free server");
        });
    }

    @Test
    void ordersStillEndActiveWhenThirtyPercentOfTenantOsCallsFail() {
        simulator.setErrorRate(0.3, Settings.ErrorMode.STATUS_503);
        TenantOsOrders orders = new TenantOsOrders(runtime, "e2388g", Duration.ofSeconds(1));
        List<TenantOsOrders.Placed> placed = List.of(orders.order("flaky1.example.com", 2),
                orders.order("flaky2.example.com", 1), orders.order("flaky3.example.com", 2));
        for (TenantOsOrders.Placed p : placed) {
            orders.awaitService(p, Duration.ofSeconds(150), s -> s.path("status").asText().equals("ACTIVE"));
        }
        assertThat(simulator.calls().stream().filter(c -> c.status() == 503).count())
                .as("the simulator really failed calls").isPositive();
    }

    @Test
    void anOsTemplateGoneUpstreamFailsTheServiceWithTheReasonAndTellsStaff() {
        simulator.removeProfile(12);
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("gone.example.com", 1);

        JsonNode failed = orders.awaitService(placed, Duration.ofSeconds(60), s -> s.path("status").asText().equals("FAILED"));
        assertThat(failed.path("statusReason").asText()).contains("debian-12").contains("no longer offered");
        List<JsonNode> staff = orders.awaitMails(orders.department, 1, Duration.ofSeconds(20));
        assertThat(staff).anySatisfy(m -> assertThat(m.path("text").asText()).contains("no longer offered"));
    }

    @Test
    void anOrderThatFindsNoStockBeforeItsDeadlineFails() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "no-such-hardware", Duration.ofMillis(500), Duration.ofSeconds(2));
        TenantOsOrders.Placed placed = orders.order("nostock.example.com", 1);

        orders.awaitService(placed, Duration.ofSeconds(20), s -> s.path("statusReason").asText().startsWith("waiting for stock"));
        JsonNode failed = orders.awaitService(placed, Duration.ofSeconds(30), s -> s.path("status").asText().equals("FAILED"));
        assertThat(failed.path("statusReason").asText()).contains("no free server tagged [forRent, no-such-hardware]");
        List<JsonNode> staff = orders.awaitMails(orders.department, 2, Duration.ofSeconds(20));
        assertThat(staff).extracting(m -> m.path("subject").asText())
                .anyMatch(subject -> subject.contains("waits for stock"))
                .anyMatch(subject -> subject.contains("failed"));
    }
}
