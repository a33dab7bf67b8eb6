package io.hostwright.local.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.vmmanager6.SimulatedHost;
import io.hostwright.simulator.vmmanager6.VmManager6Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VPS from the demo seed on the laptop runtime, through the API alone: ordered, created on the VMmanager 6 simulator
 * the runtime starts, ACTIVE with its addresses and the customer's mails; then its whole life — client functions,
 * suspend, unsuspend, reinstall, terminate — checked on the simulator at each stage.
 */
@ExtendWith(LocalAwsExtension.class)
class VpsEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theDemoVpsLivesItsWholeLifeThroughTheApi() throws Exception {
        String customer = "vps-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customer + "@example.com";
        String token = runtime.jwt().issue(customer, email, null, Duration.ofMinutes(10));

        JsonNode accepted = json(send("POST", "/v1/orders", token, """
                {"productId":"vps-m","billingCycle":"monthly","hostname":"vps1.example.com","os":"debian-12",
                 "options":{"ipv4":2,"bandwidthTb":"2"}}"""), 202);
        String serviceId = accepted.path("serviceId").asText();

        JsonNode active = await(() -> json(send("GET", "/v1/services/" + serviceId, token, null), 200),
                s -> s.path("status").asText().equals("ACTIVE"));
        assertThat(active.path("type").asText()).isEqualTo("vps");
        VmManager6Simulator vm = runtime.simulator(VmManager6Simulator.BACKEND, VmManager6Simulator.class);
        SimulatedHost host = vm.hosts().stream().filter(h -> serviceId.equals(h.comment())).findFirst().orElseThrow();
        assertThat(host.state()).isEqualTo("active");
        assertThat(host.ipv4()).hasSize(2);
        assertThat(host.name()).isEqualTo("vps1.example.com");
        assertThat(vm.accountByEmail(email)).isPresent();
        List<JsonNode> mails = await(() -> mails(email), m -> m.size() >= 3);
        assertThat(mails).extracting(m -> m.path("subject").asText()).hasSize(3)
                .anySatisfy(subject -> assertThat(subject).containsIgnoringCase("ready"));
        JsonNode ready = mails.stream().filter(m -> m.path("subject").asText().toLowerCase().contains("ready"))
                .findFirst().orElseThrow();
        assertThat(ready.toString()).contains(host.ipv4().getFirst().ip())
                .contains(vm.passwordOf(host.id()).orElseThrow());

        // --- client functions
        String service = "/v1/services/" + serviceId;
        JsonNode info = json(send("GET", service + "/server", token, null), 200);
        assertThat(info.path("mainIp").asText()).isEqualTo(host.ipv4().getFirst().ip());
        assertThat(info.path("power").asText()).isEqualTo("on");
        assertThat(info.path("status").asText()).as("the service status, as for every back-end").isEqualTo("ACTIVE");
        String ip = host.ipv4().getFirst().ip();
        json(send("PUT", service + "/ips/" + ip + "/reverse-dns", token, "{\"hostname\":\"mail.vps1.example.com\"}"),
                200);
        assertThat(json(send("GET", service + "/ips", token, null), 200).path("ips").findValuesAsText("reverseDns"))
                .contains("mail.vps1.example.com");
        JsonNode console = json(send("POST", service + "/console", token, null), 200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(console.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        json(send("POST", service + "/rescue", token, "{\"action\":\"start\"}"), 409);

        // --- staff: suspend, unsuspend, reinstall, terminate
        String staff = runtime.jwt().issue("noc-" + customer, "noc@hostwright.local", "admin", Duration.ofMinutes(10));
        String admin = "/v1/admin/services/" + serviceId;
        operation(admin, json(send("POST", admin + "/suspend", staff, "{\"reason\":\"invoice 7 unpaid\"}"), 202),
                staff);
        await(() -> json(send("GET", service, token, null), 200), s -> s.path("status").asText().equals("SUSPENDED"));
        assertThat(vm.host(host.id()).poweredOn()).isFalse();
        assertThat(vm.accountByEmail(email).orElseThrow().suspended()).isTrue();

        operation(admin, json(send("POST", admin + "/unsuspend", staff, "{}"), 202), staff);
        await(() -> json(send("GET", service, token, null), 200), s -> s.path("status").asText().equals("ACTIVE"));
        assertThat(vm.host(host.id()).poweredOn()).isTrue();
        assertThat(vm.accountByEmail(email).orElseThrow().suspended()).isFalse();

        JsonNode reinstall = json(send("POST", service + "/reinstall", token, "{\"osTemplateId\":\"ubuntu-24.04\"}"),
                202);
        await(() -> json(send("GET", service + "/operations/" + reinstall.path("operationId").asText(), token, null),
                200), o -> o.path("status").asText().equals("SUCCEEDED"));
        assertThat(vm.host(host.id()).osId()).isEqualTo(2);

        assertThat(json(send("POST", service + "/resize", token, "{\"diskMib\":1024}"), 409).path("errors")
                .findValuesAsText("field")).containsExactly("diskMib");
        JsonNode resize = json(send("POST", service + "/resize", token,
                "{\"cpuNumber\":4,\"ramMib\":8192,\"diskMib\":102400}"), 202);
        await(() -> json(send("GET", service + "/operations/" + resize.path("operationId").asText(), token, null),
                200), o -> o.path("status").asText().equals("SUCCEEDED"));
        assertThat(vm.host(host.id()).cpuNumber()).isEqualTo(4);
        assertThat(vm.host(host.id()).ramMib()).isEqualTo(8192);
        assertThat(vm.host(host.id()).disks().getFirst().sizeMib()).isEqualTo(102400);

        int free = vm.pool(1).free();
        operation(admin, json(send("POST", admin + "/terminate", staff, "{}"), 202), staff);
        await(() -> json(send("GET", service, token, null), 200), s -> s.path("status").asText().equals("TERMINATED"));
        assertThat(vm.hosts()).noneMatch(h -> serviceId.equals(h.comment()));
        assertThat(vm.pool(1).free()).isEqualTo(free + 2);
        assertThat(vm.accountByEmail(email)).isEmpty();
        assertThat(await(() -> mails(email), m -> m.size() >= 9)).extracting(m -> m.path("subject").asText())
                .as("each once").containsExactlyInAnyOrder(
                        "Your order " + accepted.path("orderId").asText() + " for VPS M is confirmed",
                        "Your server vps1.example.com is being installed",
                        "Your server vps1.example.com is ready to use",
                        "Your service vps1.example.com has been suspended",
                        "Your service vps1.example.com is active again",
                        "Reinstallation of vps1.example.com has started",
                        "Reinstallation of vps1.example.com has finished",
                        "vps1.example.com now has 4 vCPU, 8 GB RAM, 100 GB disk",
                        "Your service vps1.example.com has been terminated");
    }

    @Test
    void aCreateTaskThatFailsFailsTheOrderWithVmmanagersWordsAndStaffAreTold() throws Exception {
        VmManager6Simulator vm = runtime.simulator(VmManager6Simulator.BACKEND, VmManager6Simulator.class);
        vm.failNextTasks("host_create", 1, "Not enough free space on storage fra-nvme-1");
        String customer = "vpsfail-" + UUID.randomUUID().toString().substring(0, 8);
        String token = runtime.jwt().issue(customer, customer + "@example.com", null, Duration.ofMinutes(10));

        String serviceId = json(send("POST", "/v1/orders", token, """
                {"productId":"vps-m","billingCycle":"monthly","hostname":"vpsfail.example.com","os":"debian-12"}"""),
                202).path("serviceId").asText();

        JsonNode failed = await(() -> json(send("GET", "/v1/services/" + serviceId, token, null), 200),
                s -> s.path("status").asText().equals("FAILED"));
        assertThat(failed.path("statusReason").asText()).contains("Not enough free space on storage fra-nvme-1");
        List<JsonNode> staff = await(() -> mails("noc@hostwright.local"),
                m -> m.stream().anyMatch(mail -> mail.toString().contains(serviceId)));
        assertThat(staff).filteredOn(mail -> mail.toString().contains(serviceId)).singleElement()
                .satisfies(mail -> assertThat(mail.path("text").asText()).contains("Not enough free space"));
    }

    @Test
    void theHourlySyncReadsTheConnectionsOsTemplatesFromVmmanager() throws Exception {
        String staff = runtime.jwt().issue("sync-staff", "noc@hostwright.local", "admin", Duration.ofMinutes(10));
        String location = send("POST", "/v1/admin/connections/vmmanager-demo/sync", staff, "").headers()
                .firstValue("Location").orElseThrow();

        JsonNode run = await(() -> json(send("GET", location, staff, null), 200),
                r -> !r.path("status").asText().equals("QUEUED") && !r.path("status").asText().equals("RUNNING"));

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("unchanged").asInt()).as("the seed named them as VMmanager does").isEqualTo(4);
        JsonNode product = json(send("GET", "/v1/catalog/products/vps-m", null, null), 200);
        assertThat(product.path("osTemplates").findValuesAsText("id")).contains("debian-12", "ubuntu-24.04");
    }

    /** Follows a staff operation to its end; it must succeed. */
    private static void operation(String admin, JsonNode accepted, String staff) throws Exception {
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
