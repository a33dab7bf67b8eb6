package io.hostwright.local.licences;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.licence.PooledLicence;
import io.hostwright.dynamodb.DynamoDbLicencePool;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.billmanager.SimulatedLicence;
import io.hostwright.simulator.vmmanager6.SimulatedHost;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control-panel licences on the laptop runtime, through the API alone, with the demo seed: {@code vps-m} with its
 * {@code controlPanel} option on the demo licence connection {@code licences-demo}, which points at the licence
 * BILLmanager simulator the runtime starts. A licence is bought for the first server, carried by its "ready" mail,
 * given back to the pool at terminate, reused by the next order once its last changes are a month old (aged on the
 * simulator, never by weakening the pool rule), and a server whose licence cannot be bought yet still goes out, with
 * its key following by mail.
 */
@ExtendWith(LocalAwsExtension.class)
class LicencesEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CONNECTION = "licences-demo";
    private static final String ORDERS = "POST /billmgr/soft.order.param";
    private static final String STAFF_MAILBOX = "noc@hostwright.local";

    private static LocalRuntime runtime;
    private static BillManagerSimulator bm;
    private static VmManager6Simulator vm;
    private static DynamoDbLicencePool pool;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
        bm = runtime.simulator(BillManagerSimulator.BACKEND, BillManagerSimulator.class);
        vm = runtime.simulator(VmManager6Simulator.BACKEND, VmManager6Simulator.class);
        pool = new DynamoDbLicencePool(aws.dynamoDb(), aws.tableName());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    record Customer(String email, String token) {
        static Customer fresh(String prefix) {
            String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            String email = name + "@example.com";
            return new Customer(email, runtime.jwt().issue(name, email, null, Duration.ofMinutes(10)));
        }
    }

    @Test
    void theLicenceComesWithTheServerGoesBackToThePoolAtTerminateAndTheNextOrderReusesIt() throws Exception {
        long ordersBefore = bm.callCount(ORDERS);

        // --- a VPS with BILLmanager 6: a licence is bought for its main IP, the key is in the "ready" mail
        Customer first = Customer.fresh("panel");
        String firstId = orderActive(first, "panel1.example.com", "55382");
        String firstIp = mainIp(firstId);
        SimulatedLicence bought = licenceNamed("panel1.example.com [" + firstId + "]").orElseThrow();
        assertThat(bought.ip()).isEqualTo(firstIp);
        assertThat(bought.pricelist()).isEqualTo(55382);
        assertThat(bm.callCount(ORDERS)).as("none free in the pool: one bought").isEqualTo(ordersBefore + 1);
        JsonNode ready = readyMail(first);
        assertThat(ready.path("text").asText())
                .contains("Control panel: BILLmanager 6 Hosting&Cloud (monthly), licence " + bought.id())
                .contains(bought.key());
        assertThat(heldBy(bought.id())).hasValueSatisfying(p -> assertThat(p.heldBy()).isEqualTo(firstId));

        // --- terminate: the licence goes back upstream as free.lic on 0.0.0.0, nobody holds it, not yet reusable
        terminate(firstId);
        SimulatedLicence returned = await(() -> bm.licence(bought.id()), l -> l.name().equals("free.lic"));
        assertThat(returned.ip()).isEqualTo("0.0.0.0");
        PooledLicence pooled = await(() -> heldBy(returned.id()).orElseThrow(), p -> p.heldBy() == null);
        assertThat(pooled.licence().name()).isEqualTo("free.lic");
        assertThat(pooled.licence().whyNotFree(Instant.now())).as("its IP just changed").contains("IP changed");

        // --- a month on for this licence only (the simulator's clock and the pool rule stay): the next order reuses it
        SimulatedLicence aged = bm.ageChanges(returned.id(), Duration.ofDays(31));
        assertThat(aged.lastIpChange()).isBefore(Instant.now().minus(Duration.ofDays(30)));
        Customer second = Customer.fresh("reuse");
        String secondId = orderActive(second, "panel2.example.com", "55382");
        SimulatedLicence reused = bm.licence(bought.id());
        assertThat(reused.name()).isEqualTo("panel2.example.com [" + secondId + "]");
        assertThat(reused.ip()).isEqualTo(mainIp(secondId));
        assertThat(reused.key()).as("re-keyed for its new holder").isNotEqualTo(bought.key());
        assertThat(bm.callCount(ORDERS)).as("reused, not bought").isEqualTo(ordersBefore + 1);
        assertThat(readyMail(second).path("text").asText())
                .contains("licence " + bought.id())
                .contains(reused.key())
                .doesNotContain(bought.key());
        assertThat(heldBy(bought.id())).hasValueSatisfying(p -> assertThat(p.heldBy()).isEqualTo(secondId));

        // --- no control panel: no licence, nothing about one in the mail
        Customer third = Customer.fresh("nopanel");
        String thirdId = orderActive(third, "plain.example.com", "none");
        assertThat(readyMail(third).path("text").asText()).doesNotContain("Control panel");
        assertThat(bm.licences()).noneMatch(l -> l.name().contains(thirdId));
        assertThat(bm.callCount(ORDERS)).isEqualTo(ordersBefore + 1);
    }

    @Test
    void withoutMoneyUpstreamTheServerGoesOutAndItsLicenceKeyFollowsByMail() throws Exception {
        bm.setBalance(BigDecimal.ZERO);
        Customer customer = Customer.fresh("broke");
        String serviceId;
        try {
            // no free BILLmanager 6 licence in the pool (the seed's free ones are ispmanager), and none can be bought
            serviceId = orderActive(customer, "pending.example.com", "55382");
            assertThat(readyMail(customer).path("text").asText())
                    .contains("Control panel: BILLmanager 6 Hosting&Cloud (monthly). Its licence is on its way");
            JsonNode staff = await(() -> mails(STAFF_MAILBOX), m -> m.stream().anyMatch(mail ->
                    mail.path("subject").asText().contains("licence of service " + serviceId + " is pending")))
                    .stream().filter(mail -> mail.path("subject").asText().contains(serviceId)).findFirst()
                    .orElseThrow();
            assertThat(staff.path("text").asText()).contains("Not enough money").contains(CONNECTION);
            assertThat(licenceNamed("pending.example.com [" + serviceId + "]")).isEmpty();
        } finally {
            bm.setBalance(new BigDecimal("500.00"));
        }

        // the attach-licence step retries with backoff (5 s base): the key arrives in a mail of its own
        JsonNode late = await(() -> mails(customer.email()), m -> m.stream()
                .anyMatch(mail -> mail.path("subject").asText().contains("licence for pending.example.com is ready")))
                .stream().filter(mail -> mail.path("subject").asText().contains("licence")).findFirst().orElseThrow();
        SimulatedLicence licence = licenceNamed("pending.example.com [" + serviceId + "]").orElseThrow();
        assertThat(licence.ip()).isEqualTo(mainIp(serviceId));
        assertThat(late.path("text").asText()).contains(licence.key()).contains(licence.ip());
        JsonNode steps = await(() -> json(send("GET", "/v1/services/" + serviceId, customer.token(), null), 200),
                s -> s.path("steps").findValuesAsText("name").contains("attach-licence")
                        && s.path("steps").toString().contains("licence " + licence.id() + " attached"));
        assertThat(steps.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(mails(STAFF_MAILBOX)).as("staff told once")
                .filteredOn(mail -> mail.path("subject").asText().contains(serviceId)).hasSize(1);
    }

    @Test
    void aSuspendedLicenceTakenFromThePoolIsActivatedForItsNewServer() throws Exception {
        // the seed's only ispmanager 6 Pro licence, free in the pool, suspended by hand upstream (still paid for)
        HttpResponse<String> suspended = HTTP.send(HttpRequest.newBuilder(URI.create(bm.baseUrl() + "/billmgr"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("func=soft.suspend&out=json&elid=1004&authinfo="
                        + java.net.URLEncoder.encode(bm.credential(), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(suspended.body()).doesNotContain("error");
        assertThat(bm.licence(1004).status()).isEqualTo("suspended");
        long ordersBefore = bm.callCount(ORDERS);

        Customer customer = Customer.fresh("pro");
        String serviceId = orderActive(customer, "pro.example.com", "55228");

        SimulatedLicence reused = await(() -> bm.licence(1004), l -> l.name().contains(serviceId));
        assertThat(reused.name()).isEqualTo("pro.example.com [" + serviceId + "]");
        assertThat(reused.ip()).isEqualTo(mainIp(serviceId));
        assertThat(reused.status()).as("activated for its new server").isEqualTo("active");
        assertThat(bm.callCount(ORDERS)).isEqualTo(ordersBefore);
        assertThat(readyMail(customer).path("text").asText()).contains("licence 1004").contains(reused.key());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Orders {@code vps-m} monthly with the control panel {@code panel} and waits for it to be ACTIVE. */
    private static String orderActive(Customer customer, String hostname, String panel) throws Exception {
        JsonNode accepted = json(send("POST", "/v1/orders", customer.token(), """
                {"productId":"vps-m","billingCycle":"monthly","hostname":"%s","os":"debian-12",
                 "options":{"ipv4":1,"controlPanel":"%s"}}""".formatted(hostname, panel)), 202);
        String serviceId = accepted.path("serviceId").asText();
        await(() -> json(send("GET", "/v1/services/" + serviceId, customer.token(), null), 200),
                s -> s.path("status").asText().equals("ACTIVE"));
        return serviceId;
    }

    private static String mainIp(String serviceId) {
        SimulatedHost host = vm.hosts().stream().filter(h -> serviceId.equals(h.comment())).findFirst().orElseThrow();
        return host.ipv4().getFirst().ip();
    }

    private static Optional<SimulatedLicence> licenceNamed(String name) {
        return bm.licences().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private static Optional<PooledLicence> heldBy(long licenceId) {
        return pool.list(CONNECTION).stream()
                .filter(p -> p.licence().upstreamId().equals(Long.toString(licenceId))).findFirst();
    }

    private static JsonNode readyMail(Customer customer) throws Exception {
        return await(() -> mails(customer.email()), m -> m.stream()
                .anyMatch(mail -> mail.path("subject").asText().contains("is ready to use")))
                .stream().filter(mail -> mail.path("subject").asText().contains("is ready to use")).findFirst()
                .orElseThrow();
    }

    private static void terminate(String serviceId) throws Exception {
        String staff = runtime.jwt().issue("noc-licences", STAFF_MAILBOX, "admin", Duration.ofMinutes(10));
        String admin = "/v1/admin/services/" + serviceId;
        JsonNode accepted = json(send("POST", admin + "/terminate", staff, "{}"), 202);
        String path = admin + "/operations/" + accepted.path("operationId").asText();
        JsonNode ended = await(() -> json(send("GET", path, staff, null), 200),
                o -> !List.of("QUEUED", "RUNNING").contains(o.path("status").asText()));
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T await(Read<T> read, Predicate<T> until) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        T last;
        do {
            last = read.get();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not there within " + WAIT + ": " + last);
    }

    private static List<JsonNode> mails(String to) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        json(send("GET", "/local/emails?to=" + to, null, null), 200).forEach(all::add);
        return all;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.apiUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("POST".equals(method) || "PUT".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return Json.read(response.body(), JsonNode.class);
    }
}
