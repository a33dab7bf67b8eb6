package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff route of the manifest, through the local gateway as API Gateway's authorizer would see it: no token is
 * 401, a customer's token is 403 and reaches no handler, a staff token gets through. A route added to the manifest
 * is covered without touching this test.
 */
@ExtendWith(LocalAwsExtension.class)
class StaffRoutesEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static List<HttpRoute> staffRoutes() {
        return Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream())
                .filter(r -> r.access() == Access.STAFF)
                .toList();
    }

    private static int send(HttpRoute route, String token) throws Exception {
        String path = route.path().replaceAll("\\{[A-Za-z]+}", "nothing-here");
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.apiUri().resolve(path))
                .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void customersGet403OnEveryStaffRoute() throws Exception {
        String customer = runtime.jwt().issue("cust-1", "cust-1@example.com", null, Duration.ofMinutes(5));
        String staff = runtime.jwt().issue("staff-1", "staff-1@example.com", "admin", Duration.ofMinutes(5));

        List<HttpRoute> routes = staffRoutes();
        assertThat(routes).as("the catalog and service staff routes").hasSizeGreaterThan(10)
                .anyMatch(r -> r.path().startsWith("/v1/admin/products"))
                .anyMatch(r -> r.path().startsWith("/v1/admin/connections"));
        for (HttpRoute route : routes) {
            assertThat(send(route, null)).as("%s without a token", route.routeKey()).isEqualTo(401);
            assertThat(send(route, customer)).as("%s with a customer's token", route.routeKey()).isEqualTo(403);
            assertThat(send(route, staff)).as("%s with a staff token", route.routeKey())
                    .isNotIn(401, 403).isLessThan(500);
        }
    }
}
