package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest plus functions it does not have yet: staff routes, a provisioning consumer with a long timeout and a
 * batching window, and a scheduled function without table access. Proves wiring the manifest alone cannot exercise.
 */
class ExtendedDefinitionStackTest extends StackWiringContract {

    static final FunctionSpec STAFF_API = new FunctionSpec(
            "staff-api", "Reports for provider staff",
            "io.hostwright.test.ApiGatewayStaffRequestHandler", 512, Duration.ofSeconds(10),
            new Trigger.HttpApi(List.of(
                    HttpRoute.get("/v1/admin/reports", Access.STAFF),
                    HttpRoute.post("/v1/admin/reports", Access.STAFF))),
            TableAccess.READ_WRITE, Set.of(), false, Map.of());

    static final FunctionSpec PROVISIONING_WORKER = new FunctionSpec(
            "provisioning-worker", "Runs one provisioning step per message",
            "io.hostwright.test.SqsProvisioningStepHandler", 1024, Duration.ofMinutes(5),
            new Trigger.Queue(Manifest.PROVISIONING_QUEUE, 5, Duration.ofSeconds(2), 3),
            TableAccess.READ_WRITE, Set.of(Manifest.PROVISIONING_QUEUE, Manifest.MAIL_QUEUE), false, Map.of());

    static final FunctionSpec CLOCK_PROBE = new FunctionSpec(
            "clock-probe", "Touches nothing; proves a function without table access gets no table permission",
            "io.hostwright.test.ScheduledClockProbeHandler", 256, Duration.ofSeconds(20),
            new Trigger.Schedule("cron(0 * * * ? *)", "hourly probe"),
            TableAccess.NONE, Set.of(), false, Map.of("PROBE_MODE", "quiet"));

    @Override
    StackDefinition definition() {
        List<FunctionSpec> functions = new ArrayList<>(Manifest.FUNCTIONS);
        // the made-up worker stands in for the manifest's provisioning consumer (one consumer per queue)
        functions.removeIf(f -> Manifest.consumerOf(Manifest.PROVISIONING_QUEUE).filter(f::equals).isPresent());
        functions.addAll(List.of(STAFF_API, PROVISIONING_WORKER, CLOCK_PROBE));
        return new StackDefinition(Manifest.TABLE, Manifest.QUEUES, functions);
    }

    @Test
    void staffRoutesNeedTheJwtAndTheAdminScope() {
        var routes = template.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(route -> route.get("RouteKey").toString().contains("/v1/admin/"))
                .toList();
        long staffRoutes = definition().functions().stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream())
                .filter(r -> r.access() == Access.STAFF).count();
        assertThat(staffRoutes).as("the manifest's staff routes and the made-up staff API's two").isGreaterThan(2);
        assertThat(routes).hasSize((int) staffRoutes).allSatisfy(route -> {
            assertThat(route.get("AuthorizationType")).isEqualTo("JWT");
            assertThat(route.get("AuthorizationScopes")).isEqualTo(List.of("admin"));
        });
    }

    @Test
    void provisioningVisibilityFollowsItsConsumerInThisDefinition() {
        long visibility = SynthesizedTemplate.number(
                template.properties(queueId(Manifest.PROVISIONING_QUEUE)).get("VisibilityTimeout"));
        assertThat(visibility).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void environmentCarriesTheSpecsOwnVariables() {
        @SuppressWarnings("unchecked")
        var environment = (Map<String, Object>) ((Map<String, Object>) template.properties(functionId(CLOCK_PROBE))
                .get("Environment")).get("Variables");
        assertThat(environment).containsEntry("PROBE_MODE", "quiet").doesNotContainKey(Manifest.TABLE_VARIABLE);
    }
}
