package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop runtime stopped and started again on the same data folder (a temporary one) is the same suite: the
 * customer's service, the e-mails sent, the idempotency key's answer and the TenantOS server the order got are all
 * still there. {@code --fresh} (here {@code withDataDir(folder, true)}) starts over from the demo seed.
 */
class RestartEndToEndTest {

    private static final String ORDER = "{\"productId\":\"ded-e2388g\",\"billingCycle\":\"monthly\","
            + "\"hostname\":\"kept.example.com\",\"os\":\"debian-12\"}";
    private static final String KEY = "restart-order-1";

    @Test
    void aRestartOnTheSameDataFolderShowsTheSameServicesMailsIdempotencyAnswersAndServer(@TempDir Path data)
            throws Exception {
        LocalRuntime.Settings settings = onStablePorts(LocalRuntime.Settings.onFreePorts().withDataDir(data, false));

        String orderId;
        String serviceId;
        JsonNode servicesBefore;
        List<String> mailsBefore;
        SimulatedServer serverBefore;
        String tenantOsUrl;
        try (LocalRuntime first = LocalRuntime.start(settings)) {
            assertThat(first.dataFolder()).contains(data.toAbsolutePath());
            assertThat(first.seededThisStart()).isTrue();
            String token = token(first);
            JsonNode accepted = client(first).expect(202, "POST", "/v1/orders", token, KEY, ORDER);
            orderId = accepted.path("orderId").asText();
            serviceId = accepted.path("serviceId").asText();
            Eventually.await("the service ACTIVE", Duration.ofSeconds(60),
                    () -> status(first, token, serviceId).equals("ACTIVE"));
            Eventually.await("every mail of the order sent", Duration.ofSeconds(30), () -> mailQueueDrained(first));
            servicesBefore = client(first).get("/v1/services", token);
            mailsBefore = subjects(first);
            TenantOsSimulator tenantOs = first.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
            serverBefore = tenantOs.servers().stream()
                    .filter(s -> "kept.example.com".equals(s.hostname())).findFirst().orElseThrow();
            tenantOsUrl = tenantOs.baseUrl();
        }

        try (LocalRuntime second = LocalRuntime.start(settings)) {
            assertThat(second.seededThisStart()).as("the demo seed is not loaded over the kept catalog").isFalse();
            assertThat(second.seededProducts()).extracting(p -> p.productId()).contains("ded-e2388g");
            String token = token(second);

            JsonNode servicesAfter = client(second).get("/v1/services", token);
            assertThat(servicesAfter.path("services")).hasSize(1);
            assertThat(servicesAfter.at("/services/0/serviceId").asText()).isEqualTo(serviceId);
            assertThat(servicesAfter.at("/services/0/status").asText()).isEqualTo("ACTIVE");
            assertThat(servicesAfter.at("/services/0/hostname")).isEqualTo(servicesBefore.at("/services/0/hostname"));

            assertThat(subjects(second)).as("the mails sent before the restart").containsExactlyElementsOf(mailsBefore);

            JsonNode replayed = client(second).expect(202, "POST", "/v1/orders", token, KEY, ORDER);
            assertThat(replayed.path("orderId").asText()).as("the first order, not a new one").isEqualTo(orderId);
            assertThat(replayed.path("serviceId").asText()).isEqualTo(serviceId);
            assertThat(client(second).get("/v1/services", token)
                    .path("services")).hasSize(1);

            TenantOsSimulator tenantOs = second.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class);
            assertThat(tenantOs.baseUrl()).as("the simulator kept its port").isEqualTo(tenantOsUrl);
            SimulatedServer serverAfter = tenantOs.server(serverBefore.id());
            assertThat(serverAfter.userId()).as("the server stays assigned").isEqualTo(serverBefore.userId());
            assertThat(serverAfter.tags()).isEqualTo(serverBefore.tags());
            assertThat(serverAfter.os()).isEqualTo(serverBefore.os());
            assertThat(client(second).get("/v1/services/" + serviceId, token).path("status").asText())
                    .isEqualTo("ACTIVE");
        }

        try (LocalRuntime fresh = LocalRuntime.start(settings.withDataDir(data, true))) {
            assertThat(fresh.seededThisStart()).isTrue();
            String token = token(fresh);
            assertThat(client(fresh).get("/v1/services", token)
                    .path("services")).isEmpty();
            assertThat(subjects(fresh)).isEmpty();
            assertThat(fresh.simulator(TenantOsSimulator.BACKEND, TenantOsSimulator.class)
                    .server(serverBefore.id()).userId()).as("back to the demo stock").isNotEqualTo(serverBefore.userId());
        }
    }

    /** Every simulator on a port chosen now and kept for each start, as the laptop's fixed ports are. */
    private static LocalRuntime.Settings onStablePorts(LocalRuntime.Settings settings) throws IOException {
        LocalRuntime.Settings stable = settings;
        for (var launcher : RegisteredSimulators.ALL) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                stable = stable.withSimulatorPort(launcher.backend(), socket.getLocalPort());
            }
        }
        return stable;
    }

    private static boolean mailQueueDrained(LocalRuntime runtime) {
        var depth = runtime.aws().sqs().getQueueAttributes(g -> g.queueUrl(runtime.aws().queueUrl("mail"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return depth.values().stream().allMatch("0"::equals) && !subjects(runtime).isEmpty();
    }

    private static String token(LocalRuntime runtime) throws Exception {
        return client(runtime).token("restart-alice", "alice@example.com", null);
    }

    private static String status(LocalRuntime runtime, String token, String serviceId) {
        return client(runtime).get("/v1/services/" + serviceId, token).path("status").asText();
    }

    private static List<String> subjects(LocalRuntime runtime) {
        List<String> subjects = new ArrayList<>();
        client(runtime).get("/local/emails", null).forEach(m -> subjects.add(m.path("subject").asText()));
        return subjects;
    }

    private static LaptopClient client(LocalRuntime runtime) {
        LaptopClient client = new LaptopClient();
        client.pointAt(runtime.apiUri());
        return client;
    }
}
