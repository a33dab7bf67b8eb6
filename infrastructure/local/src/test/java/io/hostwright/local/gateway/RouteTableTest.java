package io.hostwright.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    @Test
    void extractsDecodedPathParameters() {
        RouteTemplate template = RouteTemplate.parse("/v1/orders/{orderId}/items/{itemId}");

        assertThat(template.match("/v1/orders/ord%2F1/items/a+b%20c"))
                .contains(Map.of("orderId", "ord/1", "itemId", "a+b c"));
        assertThat(template.match("/v1/orders//items/x")).isEmpty();
        assertThat(template.match("/v1/orders/1/items")).isEmpty();
        assertThat(template.match("/v1/orders/1/items/2/")).isEmpty();
        assertThat(template.match("/V1/orders/1/items/2")).isEmpty();
        assertThat(template.parameterNames()).containsExactly("orderId", "itemId");
    }

    @Test
    void prefersLiteralSegmentsAndMatchesTheMethod() {
        RouteTable table = RouteTable.of(List.of(function("things",
                HttpRoute.get("/v1/things/{thingId}", Access.PUBLIC),
                HttpRoute.get("/v1/things/mine", Access.CUSTOMER),
                HttpRoute.post("/v1/things", Access.STAFF))));

        assertThat(table.match("GET", "/v1/things/mine")).get()
                .satisfies(m -> assertThat(m.route().route().path()).isEqualTo("/v1/things/mine"));
        assertThat(table.match("GET", "/v1/things/t-1")).get()
                .satisfies(m -> assertThat(m.pathParameters()).containsEntry("thingId", "t-1"));
        assertThat(table.match("GET", "/v1/things")).isEmpty();
        assertThat(table.match("DELETE", "/v1/things/t-1")).isEmpty();
    }

    @Test
    void refusesARouteClaimedTwice() {
        assertThatThrownBy(() -> RouteTable.of(List.of(
                function("one", HttpRoute.get("/v1/things", Access.PUBLIC)),
                function("two", HttpRoute.get("/v1/things", Access.PUBLIC)))))
                .hasMessageContaining("GET /v1/things").hasMessageContaining("one").hasMessageContaining("two");
    }

    @Test
    void keepsLocalForTheLaptopHelpers() {
        assertThatThrownBy(() -> RouteTable.of(List.of(function("one", HttpRoute.get("/local/token", Access.PUBLIC)))))
                .hasMessageContaining("/local/");
    }

    private static LocalFunction function(String name, HttpRoute... routes) {
        FunctionSpec spec = new FunctionSpec(name, "test", "test.Handler", 256, Duration.ofSeconds(5),
                new Trigger.HttpApi(List.of(routes)), TableAccess.NONE, Set.of(), false, Map.of());
        RequestHandler<Object, Object> handler = (event, context) -> null;
        return LocalFunction.start(spec, s -> handler, "eu-west-1");
    }
}
