package io.hostwright.benchmark.lifecycle;

import io.hostwright.benchmark.lifecycle.LifecycleLoad.Stage;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageTest {

    @Test
    void staffAskOnTheAdminRoutesAndCustomersOnTheirOwn() {
        assertThat(Stage.SUSPEND.path("s-1")).isEqualTo("/v1/admin/services/s-1/suspend");
        assertThat(Stage.TERMINATE.operationPath("s-1", "op-2")).isEqualTo("/v1/admin/services/s-1/operations/op-2");
        assertThat(Stage.REINSTALL.path("s-1")).isEqualTo("/v1/services/s-1/reinstall");
        assertThat(Stage.REINSTALL.operationPath("s-1", "op-2")).isEqualTo("/v1/services/s-1/operations/op-2");
        assertThat(Stage.POWER_OFF.path("s-1")).isEqualTo("/v1/services/s-1/power");
        assertThat(Stage.POWER_OFF.body()).contains("\"off\"");
        assertThat(Stage.SERVER_INFO.method()).isEqualTo("GET");
        assertThat(Stage.SERVER_INFO.expected()).isEqualTo(200);
        assertThat(Stage.UNSUSPEND.expected()).isEqualTo(202);
    }

    @Test
    void everyStageIsARouteOfTheManifest() {
        List<String> routes = Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream())
                .map(HttpRoute::routeKey)
                .toList();
        for (Stage stage : Stage.values()) {
            String path = stage.path("{serviceId}");
            assertThat(routes).contains(stage.method() + " " + path);
            if (stage.operation()) {
                assertThat(routes).contains("GET " + stage.operationPath("{serviceId}", "{operationId}"));
            }
        }
    }
}
