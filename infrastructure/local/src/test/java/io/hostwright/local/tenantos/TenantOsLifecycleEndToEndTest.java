package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.LocalRuntime;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.SimulatedUser;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a TenantOS server on the laptop runtime, through the API: provision → suspend → unsuspend →
 * client functions → reinstall → terminate, checking the simulator, the service and every e-mail at each stage.
 */
@ExtendWith(LocalAwsExtension.class)
class TenantOsLifecycleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
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
        simulator.setErrorRate(0);
        simulator.setWipeDuration(Duration.ofSeconds(2));
    }

    @Test
    void aServerLivesItsWholeLifeThroughTheApi() throws Exception {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("life.example.com", 2);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        orders.awaitMails(placed.email(), 3, WAIT);
        SimulatedUser user = simulator.userByEmail(placed.email()).orElseThrow();
        long serverId = ownedBy(user.id()).id();
        String staffSubject = "noc-" + placed.customer();
        String staff = orders.staffToken(staffSubject);
        String service = "/v1/services/" + placed.serviceId();
        String admin = "/v1/admin/services/" + placed.serviceId();

        // --- client functions while ACTIVE
        JsonNode info = orders.call("GET", service + "/server", placed.token(), null, 200);
        assertThat(info.path("hostname").asText()).isEqualTo("life.example.com");
        assertThat(info.path("os").asText()).isEqualTo("Debian 12 (Bookworm)");
        assertThat(info.path("mainIp").asText()).isEqualTo(simulator.server(serverId).primaryIp());
        assertThat(info.path("additionalIps")).hasSize(1);
        assertThat(info.path("power").asText()).isEqualTo("on");
        assertThat(info.path("hardware").path("cpu").asText()).isNotBlank();

        assertThat(orders.call("POST", service + "/power", placed.token(), "{\"action\":\"off\"}", 200)
                .path("power").asText()).isEqualTo("off");
        assertThat(simulator.server(serverId).powerStatus()).isEqualTo("off");
        orders.call("POST", service + "/power", placed.token(), "{\"action\":\"on\"}", 200);
        assertThat(simulator.server(serverId).powerStatus()).isEqualTo("on");

        String mainIp = simulator.server(serverId).primaryIp();
        JsonNode rdns = orders.call("PUT", service + "/ips/" + mainIp + "/reverse-dns", placed.token(),
                "{\"hostname\":\"mail.life.example.com\"}", 200);
        assertThat(rdns.path("reverseDns").asText()).isEqualTo("mail.life.example.com");
        assertThat(simulator.server(serverId).ipAssignments()).anySatisfy(a -> {
            assertThat(a.ip()).isEqualTo(mainIp);
            assertThat(a.rdns()).isEqualTo("mail.life.example.com");
        });
        assertThat(orders.call("GET", service + "/ips", placed.token(), null, 200).path("ips")).hasSize(2);

        JsonNode console = orders.call("POST", service + "/console", placed.token(), null, 200);
        HttpResponse<String> opened = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(console.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);

        JsonNode usage = orders.call("GET", service + "/usage?resolution=5min&from="
                + Instant.now().minus(Duration.ofMinutes(30)), placed.token(), null, 200);
        assertThat(usage.path("points").size()).isBetween(6, 8);
        assertThat(usage.path("totalBytesOut").asLong()).isPositive();

        // --- suspend: ports down, power off, user suspended, mail with the reason
        JsonNode suspend = orders.call("POST", admin + "/suspend", staff, "{\"reason\":\"invoice 42 unpaid\"}", 202);
        JsonNode suspendedAsStaff = awaitOperation(orders, admin, suspend, staff, "SUCCEEDED");
        assertThat(suspendedAsStaff.path("requestedBy").asText()).isEqualTo("staff:" + staffSubject);
        // the customer may follow it too, and learns only that staff asked, not who
        JsonNode suspendedAsCustomer = orders.call("GET", service + "/operations/" + suspend.path("operationId").asText(),
                placed.token(), null, 200);
        assertThat(suspendedAsCustomer.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(suspendedAsCustomer.path("requestedBy").asText()).isEqualTo("staff");
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("SUSPENDED"));
        SimulatedServer suspended = simulator.server(serverId);
        assertThat(suspended.powerStatus()).isEqualTo("off");
        assertThat(suspended.suspendUserIds()).containsExactly(user.id());
        assertThat(suspended.ports()).allSatisfy(p -> assertThat(p.enabled()).isFalse());
        JsonNode suspendedMail = mailWithSubject(orders, placed.email(), "has been suspended");
        assertThat(suspendedMail.path("text").asText()).contains("invoice 42 unpaid");
        // while suspended: no actions, and a second suspend makes no sense
        orders.call("POST", service + "/power", placed.token(), "{\"action\":\"on\"}", 409);
        assertThat(orders.call("POST", admin + "/suspend", staff, "{}", 409).path("detail").asText()).contains("SUSPENDED");

        // --- unsuspend: the reverse
        JsonNode unsuspend = orders.call("POST", admin + "/unsuspend", staff, null, 202);
        awaitOperation(orders, admin, unsuspend, staff, "SUCCEEDED");
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        SimulatedServer back = simulator.server(serverId);
        assertThat(back.powerStatus()).isEqualTo("on");
        assertThat(back.suspendUserIds()).isEmpty();
        assertThat(back.ports()).allSatisfy(p -> assertThat(p.enabled()).isTrue());
        mailWithSubject(orders, placed.email(), "is active again");
        orders.call("POST", admin + "/unsuspend", staff, null, 409);

        // --- reinstall with another OS: a power command meanwhile is refused
        String key = UUID.randomUUID().toString();
        JsonNode reinstall = orders.call("POST", service + "/reinstall", placed.token(),
                "{\"osTemplateId\":\"ubuntu-24.04\"}", 202, key);
        JsonNode replay = orders.call("POST", service + "/reinstall", placed.token(),
                "{\"osTemplateId\":\"ubuntu-24.04\"}", 202, key);
        assertThat(replay.path("operationId").asText()).isEqualTo(reinstall.path("operationId").asText());
        orders.call("POST", service + "/reinstall", placed.token(), "{\"osTemplateId\":\"debian-12\"}", 422, key);
        JsonNode busy = orders.call("POST", service + "/power", placed.token(), "{\"action\":\"reset\"}", 409);
        assertThat(busy.path("detail").asText()).contains("reinstall");
        JsonNode reinstalled = awaitOperation(orders, service, reinstall, placed.token(), "SUCCEEDED");
        assertThat(reinstalled.path("steps")).extracting(st -> st.path("name").asText())
                .containsExactly("check-owner", "start-reinstall", "await-reinstall");
        assertThat(reinstalled.path("requestedBy").asText()).isEqualTo("customer");
        assertThat(orders.call("GET", admin + "/operations/" + reinstall.path("operationId").asText(), staff, null, 200)
                .path("requestedBy").asText()).isEqualTo("customer:" + placed.customer());
        JsonNode afterReinstall = orders.awaitService(placed, WAIT,
                s -> s.path("osName").asText().equals("Ubuntu 24.04 LTS"));
        assertThat(afterReinstall.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(simulator.server(serverId).os()).startsWith("Ubuntu 24.04");
        mailWithSubject(orders, placed.email(), "Reinstallation of life.example.com has started");
        JsonNode finished = mailWithSubject(orders, placed.email(), "Reinstallation of life.example.com has finished");
        assertThat(finished.path("text").asText()).contains(simulator.rootPasswordOf(serverId).orElseThrow());

        // --- terminate: off, renamed, extra IPs released, wiped, back in stock, user removed, mails
        JsonNode terminate = orders.call("POST", admin + "/terminate", staff, null, 202);
        JsonNode terminated = orders.await(admin + "/operations/" + terminate.path("operationId").asText(), staff, WAIT,
                o -> o.path("status").asText().equals("SUCCEEDED") && TenantOsOrders.stepsSettled(o));
        assertThat(terminated.path("steps")).extracting(st -> st.path("status").asText()).containsOnly("SUCCEEDED");
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("TERMINATED"));
        SimulatedServer stock = simulator.server(serverId);
        assertThat(stock.userId()).isEqualTo(1L);
        assertThat(stock.hostname()).startsWith("free-" + serverId + "-");
        assertThat(stock.ipAssignments()).hasSize(1);
        assertThat(stock.tags()).contains("forRent").doesNotContain("assigned");
        assertThat(stock.diskwipeRunning()).isFalse();
        assertThat(stock.install().wipe()).isTrue();
        assertThat(stock.install().status()).isEqualTo("finished");
        assertThat(simulator.userByEmail(placed.email())).isEmpty();
        mailWithSubject(orders, placed.email(), "has been terminated");
        JsonNode wiped = orders.awaitMails(orders.department, 1, WAIT).stream()
                .filter(m -> m.path("subject").asText().contains("Disk wipe finished")).findFirst().orElseThrow();
        assertThat(wiped.path("subject").asText()).contains(Long.toString(serverId)).contains("back in stock");
        assertThat(wiped.path("text").asText()).as("says what is done, asks for nothing")
                .contains("Nothing needs doing").contains("forRent");
        orders.call("POST", admin + "/terminate", staff, null, 409);

        // every customer mail of the life, once each: counted once the mailer handled all there was to send
        // (order, installing, ready, suspended, active again, reinstall started and finished, terminated)
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, WAIT);
        assertThat(orders.mails(placed.email())).extracting(m -> m.path("subject").asText()).hasSize(8);
        // the staff view shows the four operations, newest first
        JsonNode history = orders.call("GET", admin, staff, null, 200);
        assertThat(history.path("operations")).extracting(o -> o.path("kind").asText())
                .containsExactly("terminate", "reinstall", "unsuspend", "suspend");
    }

    @Test
    void anotherCustomerGets404AndCustomersCannotReachTheAdminRoutes() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed owner = orders.order("mine.example.com", 1);
        orders.awaitService(owner, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        String stranger = runtime.jwt().issue("c-stranger", "stranger@example.com", null, Duration.ofMinutes(5));
        String service = "/v1/services/" + owner.serviceId();

        orders.call("GET", service + "/server", stranger, null, 404);
        orders.call("GET", service + "/ips", stranger, null, 404);
        orders.call("GET", service + "/usage", stranger, null, 404);
        orders.call("POST", service + "/power", stranger, "{\"action\":\"off\"}", 404);
        orders.call("POST", service + "/console", stranger, null, 404);
        orders.call("POST", service + "/rescue", stranger, "{\"action\":\"start\"}", 404);
        orders.call("POST", service + "/reinstall", stranger, "{\"osTemplateId\":\"debian-12\"}", 404);
        orders.call("PUT", service + "/ips/203.0.113.1/reverse-dns", stranger, "{\"hostname\":\"x.example.com\"}", 404);
        orders.call("POST", "/v1/admin/services/" + owner.serviceId() + "/suspend", owner.token(), "{}", 403);
        assertThat(simulator.server(ownedBy(simulator.userByEmail(owner.email()).orElseThrow().id()).id())
                .powerStatus()).isEqualTo("on");
    }

    @Test
    void badInputIsA4xxNamingTheField() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("input.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        String service = "/v1/services/" + placed.serviceId();

        assertThat(field(orders.call("POST", service + "/power", placed.token(), "{\"action\":\"explode\"}", 400)))
                .isEqualTo("action");
        assertThat(field(orders.call("POST", service + "/power", placed.token(), "{\"action\":\"on\"}", 400, null)))
                .isEqualTo("Idempotency-Key");
        assertThat(field(orders.call("POST", service + "/reinstall", placed.token(), "{\"osTemplateId\":\"beos\"}", 400)))
                .isEqualTo("osTemplateId");
        assertThat(field(orders.call("PUT", service + "/ips/198.51.100.1/reverse-dns", placed.token(),
                "{\"hostname\":\"-bad-\"}", 400))).isEqualTo("hostname");
        orders.call("PUT", service + "/ips/198.51.100.1/reverse-dns", placed.token(),
                "{\"hostname\":\"ok.example.com\"}", 404);
        assertThat(field(orders.call("GET", service + "/usage?from=yesterday", placed.token(), null, 400)))
                .isEqualTo("from");
        assertThat(field(orders.call("GET", service + "/usage?resolution=5min&from="
                + Instant.now().minus(Duration.ofDays(10)), placed.token(), null, 400))).isEqualTo("to");
        assertThat(field(orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"maybe\"}", 400)))
                .isEqualTo("action");
        assertThat(field(orders.call("POST", "/v1/admin/services/" + placed.serviceId() + "/suspend",
                orders.staffToken(), "{\"reason\":\"x\",\"extra\":1}", 400))).isEqualTo("extra");
        simulator.setPowerFeatures(ownedBy(simulator.userByEmail(placed.email()).orElseThrow().id()).id(),
                List.of("setPowerOn", "setPowerOff"));
        assertThat(orders.call("POST", service + "/power", placed.token(), "{\"action\":\"reset\"}", 409)
                .path("detail").asText()).contains("cannot reset");
    }

    @Test
    void rescueStartsWithAPasswordShownOnceAndStops() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("rescue.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        long serverId = ownedBy(simulator.userByEmail(placed.email()).orElseThrow().id()).id();
        String service = "/v1/services/" + placed.serviceId();
        String key = UUID.randomUUID().toString();

        JsonNode started = orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"start\"}", 200, key);
        assertThat(started.path("rescue").asBoolean()).isTrue();
        assertThat(started.path("rootPassword").asText()).isEqualTo(simulator.rescuePasswordOf(serverId).orElseThrow());
        JsonNode again = orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"start\"}", 200, key);
        assertThat(again.path("rescue").asBoolean()).isTrue();
        assertThat(again.has("rootPassword")).isFalse();
        assertThat(orders.call("GET", service + "/server", placed.token(), null, 200).path("rescue").asBoolean()).isTrue();

        orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"stop\"}", 200);
        assertThat(simulator.server(serverId).rescueBootRunning()).isFalse();
    }

    @Test
    void aServerReassignedByHandIsLeftAloneAndStaffAreTold() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("taken.example.com", 1);
        TenantOsOrders.Placed neighbour = orders.order("neighbour.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        orders.awaitService(neighbour, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        long serverId = ownedBy(simulator.userByEmail(placed.email()).orElseThrow().id()).id();
        long otherUser = simulator.userByEmail(neighbour.email()).orElseThrow().id();
        // staff give the server to another customer by hand, in TenantOS
        simulator.reassign(serverId, otherUser);
        // the former customer can no longer control it
        String client = "/v1/services/" + placed.serviceId();
        assertThat(orders.call("POST", client + "/power", placed.token(), "{\"action\":\"off\"}", 409)
                .path("detail").asText()).contains("reassigned");
        orders.call("POST", client + "/rescue", placed.token(), "{\"action\":\"start\"}", 409);
        orders.call("POST", client + "/console", placed.token(), null, 409);
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + placed.serviceId();

        JsonNode terminate = orders.call("POST", admin + "/terminate", staff, null, 202);
        JsonNode stopped = awaitOperation(orders, admin, terminate, staff, "NEEDS_ATTENTION");
        assertThat(stopped.path("detail").asText()).contains("reassigned by hand");
        JsonNode service = orders.awaitService(placed, WAIT,
                s -> s.path("statusReason").asText().startsWith("needs staff attention"));
        assertThat(service.path("status").asText()).isEqualTo("ACTIVE");
        SimulatedServer untouched = simulator.server(serverId);
        assertThat(untouched.userId()).isEqualTo(otherUser);
        assertThat(untouched.hostname()).isEqualTo("taken.example.com");
        assertThat(untouched.powerStatus()).isEqualTo("on");
        JsonNode told = orders.awaitMails(orders.department, 1, WAIT).stream()
                .filter(m -> m.path("text").asText().contains("reassigned by hand")).findFirst().orElseThrow();
        assertThat(told.path("subject").asText()).contains(placed.serviceId());
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, WAIT);
        assertThat(orders.mails(placed.email())).noneMatch(m -> m.path("subject").asText().contains("terminated"));
    }

    @Test
    void aSecondOrderGetsTheServerOnlyAfterItsWipeFinishedAndFaultsDuringTerminateStillEndClean() {
        simulator.setWipeDuration(Duration.ofSeconds(6));
        // the only stock for this product: one server
        String tag = "epyc9354p";
        TenantOsOrders orders = new TenantOsOrders(runtime, tag, Duration.ofMillis(500));
        long stock = simulator.servers().stream().filter(s -> s.hasTag(tag) && s.hasTag("forRent")).count();
        TenantOsOrders.Placed first = orders.order("first.example.com", 2);
        orders.awaitService(first, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        long serverId = ownedBy(simulator.userByEmail(first.email()).orElseThrow().id()).id();
        List<TenantOsOrders.Placed> others = new java.util.ArrayList<>();
        for (int i = 1; i < stock; i++) {
            TenantOsOrders.Placed other = orders.order("other" + i + ".example.com", 1);
            orders.awaitService(other, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
            others.add(other);
        }

        simulator.setErrorRate(0.3);
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + first.serviceId();
        JsonNode terminate = orders.call("POST", admin + "/terminate", staff, null, 202);
        orders.awaitService(first, WAIT, s -> s.path("status").asText().equals("TERMINATED"));
        simulator.setErrorRate(0);
        TenantOsOrders.Placed second = orders.order("second.example.com", 1);
        // while the disks are wiped the second order waits for stock
        JsonNode waiting = orders.awaitService(second, WAIT,
                s -> s.path("statusReason").asText().startsWith("waiting for stock"));
        assertThat(simulator.server(serverId).diskwipeRunning() || simulator.server(serverId).hasTag("forRent"))
                .isTrue();
        assertThat(waiting.path("status").asText()).isEqualTo("PROVISIONING");

        JsonNode ended = awaitOperation(orders, admin, terminate, staff, "SUCCEEDED");
        assertThat(ended.path("status").asText()).isEqualTo("SUCCEEDED");
        orders.awaitService(second, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        SimulatedServer resold = simulator.server(serverId);
        assertThat(resold.userId()).isEqualTo(simulator.userByEmail(second.email()).orElseThrow().id());
        assertThat(resold.hostname()).isEqualTo("second.example.com");
    }

    @Test
    void aFailedWipeKeepsTheServerOutOfStockAndTellsStaff() {
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("wipe-fails.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        long serverId = ownedBy(simulator.userByEmail(placed.email()).orElseThrow().id()).id();
        simulator.faults().failInstalls(1);
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + placed.serviceId();

        JsonNode failed = awaitOperation(orders, admin, orders.call("POST", admin + "/terminate", staff, null, 202),
                staff, "FAILED");
        assertThat(failed.path("detail").asText()).contains("disk wipe of server " + serverId + " failed");
        JsonNode service = orders.awaitService(placed, WAIT, s -> s.path("statusReason").asText().contains("failed"));
        assertThat(service.path("status").asText()).isEqualTo("TERMINATED");
        SimulatedServer server = simulator.server(serverId);
        assertThat(server.tags()).doesNotContain("forRent");
        assertThat(orders.awaitMails(orders.department, 1, WAIT)).anySatisfy(m -> {
            assertThat(m.path("subject").asText()).contains(placed.serviceId());
            assertThat(m.path("text").asText()).contains("stays out of stock");
        });
        // the customer was told once the server was taken from them, and only that
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, WAIT);
        assertThat(orders.mails(placed.email())).extracting(m -> m.path("subject").asText())
                .filteredOn(subject -> subject.contains("terminated")).hasSize(1);
    }

    @Test
    void staffAbandonAnOperationThatCannotGoOnAndItsMessagesAreIgnoredFromThenOn() {
        simulator.setWipeDuration(Duration.ofMinutes(10));
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("stuck.example.com", 1);
        orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
        long serverId = ownedBy(simulator.userByEmail(placed.email()).orElseThrow().id()).id();
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + placed.serviceId();
        JsonNode terminate = orders.call("POST", admin + "/terminate", staff, null, 202);
        String operation = admin + "/operations/" + terminate.path("operationId").asText();
        orders.await(operation, staff, WAIT, o -> o.path("detail").asText().startsWith("wiping the disks"));

        orders.call("POST", operation + "/abandon", placed.token(), "{}", 403);
        JsonNode abandoned = orders.call("POST", operation + "/abandon", staff, "{\"reason\":\"wipe hangs, done by hand\"}", 200);
        assertThat(abandoned.path("status").asText()).isEqualTo("FAILED");
        assertThat(abandoned.path("detail").asText()).contains("abandoned by staff").contains("done by hand");
        assertThat(orders.call("POST", operation + "/abandon", staff, null, 409).path("detail").asText())
                .contains("already ended as FAILED");
        // the wipe's polls stop, bar one already in flight (whose follow-up is ignored): the lifecycle queue, which
        // holds only this operation's messages, drains, as it never does while a step polls; the server stays out of
        // stock
        int polls = awaitWipePolls(orders, operation, staff);
        orders.awaitQueueDrained(Manifest.LIFECYCLE_QUEUE, WAIT);
        assertThat(awaitWipePolls(orders, operation, staff)).isLessThanOrEqualTo(polls + 1);
        assertThat(orders.call("GET", operation, staff, null, 200).path("status").asText()).isEqualTo("FAILED");
        assertThat(simulator.server(serverId).tags()).doesNotContain("forRent");
    }

    private static int awaitWipePolls(TenantOsOrders orders, String operation, String staff) {
        JsonNode steps = orders.call("GET", operation, staff, null, 200).path("steps");
        for (JsonNode step : steps) {
            if (step.path("name").asText().equals("await-wipe")) {
                return step.path("attempts").asInt();
            }
        }
        return 0;
    }

    private SimulatedServer ownedBy(long userId) {
        return simulator.servers().stream().filter(s -> s.userId() != null && s.userId() == userId)
                .findFirst().orElseThrow();
    }

    private static String field(JsonNode problem) {
        return problem.path("errors").path(0).path("field").asText();
    }

    private static JsonNode awaitOperation(TenantOsOrders orders, String base, JsonNode accepted, String token,
                                           String status) {
        return orders.await(base + "/operations/" + accepted.path("operationId").asText(), token, WAIT,
                o -> o.path("status").asText().equals(status));
    }

    private static JsonNode mailWithSubject(TenantOsOrders orders, String to, String subject) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            var found = orders.mails(to).stream().filter(m -> m.path("subject").asText().contains(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail to " + to + " about '" + subject + "': " + orders.mails(to));
    }
}
