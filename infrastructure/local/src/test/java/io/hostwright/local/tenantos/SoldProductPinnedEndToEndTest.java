package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.LocalRuntime;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service is run the way it was sold: after its product's settings were broken and the product then deleted, the
 * service is still suspended, unsuspended and terminated with the settings, connection and staff department it was
 * sold with — the server ends back in stock.
 */
@ExtendWith(LocalAwsExtension.class)
class SoldProductPinnedEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void editingThenDeletingTheProductChangesNothingForServicesAlreadySold(LocalAws aws) {
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws)) {
            TenantOsSimulator simulator = TenantOsOrders.simulator(runtime);
            simulator.setWipeDuration(Duration.ofSeconds(1));
            TenantOsOrders orders = new TenantOsOrders(runtime, "epyc9354p", Duration.ofSeconds(1));
            TenantOsOrders.Placed placed = orders.order("pinned.example.com", 1);
            orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE"));
            SimulatedServer server = simulator.servers().stream()
                    .filter(s -> "pinned.example.com".equals(s.hostname())).findFirst().orElseThrow();

            // staff break the product's TenantOS settings, then delete the product altogether
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRODUCT#" + orders.productId),
                    "sk", AttributeValue.fromS("PRODUCT"));
            Map<String, AttributeValue> item = new java.util.HashMap<>(aws.dynamoDb()
                    .getItem(g -> g.tableName(aws.tableName()).key(key)).item());
            item.put("doc", AttributeValue.fromS(item.get("doc").s()
                    .replace("\"matchTags\"", "\"matchTagz\"").replace("\"lifecycle\"", "\"lifecycel\"")));
            aws.dynamoDb().putItem(p -> p.tableName(aws.tableName()).item(item));
            aws.dynamoDb().deleteItem(d -> d.tableName(aws.tableName()).key(key));

            String admin = "/v1/admin/services/" + placed.serviceId();
            String staff = orders.staffToken();
            for (String kind : new String[]{"suspend", "unsuspend", "terminate"}) {
                JsonNode accepted = orders.call("POST", admin + "/" + kind, staff, "{}", 202);
                JsonNode ended = orders.await(admin + "/operations/" + accepted.path("operationId").asText(), staff,
                        WAIT, o -> o.path("status").asText().matches("SUCCEEDED|FAILED|NEEDS_ATTENTION"));
                assertThat(ended.path("status").asText()).as(kind + ": " + ended).isEqualTo("SUCCEEDED");
            }

            assertThat(orders.service(placed).path("status").asText()).isEqualTo("TERMINATED");
            SimulatedServer returned = simulator.server(server.id());
            assertThat(returned.userId()).isEqualTo(1L);
            assertThat(returned.tags()).contains("forRent").doesNotContain("assigned");
            // the staff department it was sold with still hears of the wipe
            assertThat(orders.awaitMails(orders.department, 1, WAIT)).anySatisfy(m ->
                    assertThat(m.path("subject").asText()).containsIgnoringCase("wipe"));
        }
    }
}
