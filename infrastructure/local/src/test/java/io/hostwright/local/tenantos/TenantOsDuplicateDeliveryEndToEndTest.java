package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.LocalRuntime;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every queue message (provisioning steps and mails) delivered twice, the copies concurrently: the end state is
 * the same and every e-mail goes out once.
 */
@ExtendWith(LocalAwsExtension.class)
class TenantOsDuplicateDeliveryEndToEndTest {

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts().withDuplicateDeliveries(true), aws);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyMessageTwiceGivesOneServerOneInstallAndOneMailPerEvent() {
        TenantOsSimulator simulator = TenantOsOrders.simulator(runtime);
        simulator.reset();
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("twice.example.com", 2);

        JsonNode service = orders.awaitService(placed, Duration.ofSeconds(60),
                s -> s.path("status").asText().equals("ACTIVE") && TenantOsOrders.stepsSettled(s));
        assertThat(service.path("steps")).hasSize(6)
                .allSatisfy(step -> assertThat(step.path("status").asText()).isEqualTo("SUCCEEDED"));

        List<SimulatedServer> owned = simulator.servers().stream()
                .filter(s -> s.userId() != null && s.userId() != 1).toList();
        assertThat(owned).singleElement().satisfies(server -> {
            assertThat(server.hostname()).isEqualTo("twice.example.com");
            assertThat(server.ipAssignments()).hasSize(2);
        });
        assertThat(simulator.users().stream().filter(u -> u.email().equals(placed.email()))).hasSize(1);
        assertThat(simulator.callCount("POST /api/servers/{id}/provisioning/startReinstallation")).isEqualTo(1);
        assertThat(simulator.callCount("POST /api/users")).isEqualTo(1);

        orders.awaitMails(placed.email(), 3, Duration.ofSeconds(20));
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, Duration.ofSeconds(20)); // every copy handled before counting
        List<JsonNode> mails = orders.mails(placed.email());
        assertThat(mails).hasSize(3);
        assertThat(mails).extracting(m -> m.path("subject").asText()).doesNotHaveDuplicates();
    }

    @Test
    void everyLifecycleMessageTwiceStillSuspendsUnsuspendsReinstallsAndTerminatesOnce() {
        TenantOsSimulator simulator = TenantOsOrders.simulator(runtime);
        simulator.reset();
        simulator.setWipeDuration(Duration.ofSeconds(2));
        TenantOsOrders orders = new TenantOsOrders(runtime, "ryzen7950x", Duration.ofSeconds(1));
        TenantOsOrders.Placed placed = orders.order("twice-life.example.com", 2);
        orders.awaitService(placed, Duration.ofSeconds(60), s -> s.path("status").asText().equals("ACTIVE"));
        orders.awaitMails(placed.email(), 3, Duration.ofSeconds(20));
        long serverId = simulator.servers().stream().filter(s -> s.userId() != null && s.userId() != 1)
                .findFirst().orElseThrow().id();
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + placed.serviceId();
        simulator.clearCalls();

        run(orders, admin, staff, orders.call("POST", admin + "/suspend", staff, "{\"reason\":\"twice\"}", 202));
        run(orders, admin, staff, orders.call("POST", admin + "/unsuspend", staff, null, 202));
        run(orders, "/v1/services/" + placed.serviceId(), placed.token(), orders.call("POST",
                "/v1/services/" + placed.serviceId() + "/reinstall", placed.token(), "{\"osTemplateId\":\"ubuntu-24.04\"}", 202));
        run(orders, admin, staff, orders.call("POST", admin + "/terminate", staff, null, 202));

        assertThat(simulator.callCount("GET /api/servers/{id}/power/{method}")).isEqualTo(3); // off, on, off
        assertThat(simulator.callCount("POST /api/servers/{id}/provisioning/startReinstallation"))
                .as("one reinstall and one wipe").isEqualTo(2);
        assertThat(simulator.callCount("DELETE /api/users/{id}")).isEqualTo(1);
        assertThat(simulator.server(serverId).hasTag("forRent")).isTrue();
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, Duration.ofSeconds(20));
        List<JsonNode> mails = orders.mails(placed.email());
        assertThat(mails).extracting(m -> m.path("subject").asText()).doesNotHaveDuplicates().hasSize(8);
        assertThat(orders.mails(orders.department)).extracting(m -> m.path("subject").asText())
                .filteredOn(subject -> subject.contains("Disk wipe finished")).hasSize(1);
    }

    private static void run(TenantOsOrders orders, String base, String token, JsonNode accepted) {
        JsonNode ended = orders.await(base + "/operations/" + accepted.path("operationId").asText(), token,
                Duration.ofSeconds(60), o -> !o.path("status").asText().equals("QUEUED")
                        && !o.path("status").asText().equals("RUNNING"));
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
    }
}
