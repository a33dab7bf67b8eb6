package io.hostwright.local.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.LocalRuntime;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop runtime delivering every queue message twice (as SQS may): ten VPS orders still make ten VMs, one
 * create call each, and one mail per event.
 */
@ExtendWith(LocalAwsExtension.class)
class VpsDuplicateDeliveryEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts().withDuplicateDeliveries(true), aws);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void everyMessageTwiceGivesOneVmPerOrderAndOneMailPerEvent() throws Exception {
        VmManager6Simulator vm = runtime.simulator(VmManager6Simulator.BACKEND, VmManager6Simulator.class);
        List<String> services = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String customer = "dup-" + UUID.randomUUID().toString().substring(0, 8);
            emails.add(customer + "@example.com");
            String token = runtime.jwt().issue(customer, customer + "@example.com", null, Duration.ofMinutes(10));
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiUri() + "/v1/orders"))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", "o-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"productId":"vps-m","billingCycle":"monthly","hostname":"dup%d.example.com",
                             "os":"debian-12","options":{"ipv4":1}}""".formatted(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            services.add(Json.read(accepted.body(), JsonNode.class).path("serviceId").asText());
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline) && !allReady(emails)) {
            Thread.sleep(500);
        }
        Thread.sleep(2_000); // duplicates of the last messages land after the first copies

        for (String serviceId : services) {
            assertThat(vm.hosts()).as(serviceId).filteredOn(h -> serviceId.equals(h.comment())).hasSize(1);
        }
        assertThat(vm.callCount("POST /vm/v3/host")).isEqualTo(10);
        for (String email : emails) {
            assertThat(mails(email)).extracting(m -> m.path("subject").asText()).as(email).hasSize(3)
                    .doesNotHaveDuplicates();
        }
    }

    private static boolean allReady(List<String> emails) throws Exception {
        for (String email : emails) {
            if (mails(email).stream().noneMatch(m -> m.path("subject").asText().contains("ready to use"))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> mails(String to) throws Exception {
        HttpResponse<String> all = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiUri() + "/local/emails?to="
                + to)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> list = new ArrayList<>();
        Json.read(all.body(), JsonNode.class).forEach(list::add);
        return list;
    }
}
