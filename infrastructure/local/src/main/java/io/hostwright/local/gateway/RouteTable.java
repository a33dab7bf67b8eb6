package io.hostwright.local.gateway;

import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Trigger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every HTTP route of the given functions, matched like API Gateway: method and path, most specific route first. */
public final class RouteTable {

    /** Reserved for the laptop's own helpers; a manifest route here would be shadowed. */
    public static final String LOCAL_PREFIX = "/local/";

    private final List<ApiRoute> routes;

    private RouteTable(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * The routes of every function with an HTTP trigger.
     *
     * @throws IllegalStateException when two routes share a route key, a route sits under {@link #LOCAL_PREFIX} or
     *                               at {@code /openapi.yaml} or {@code /docs}
     */
    public static RouteTable of(List<LocalFunction> functions) {
        List<ApiRoute> routes = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (LocalFunction function : functions) {
            if (!(function.spec().trigger() instanceof Trigger.HttpApi http)) {
                continue;
            }
            for (HttpRoute route : http.routes()) {
                String owner = owners.putIfAbsent(route.routeKey(), function.name());
                if (owner != null) {
                    throw new IllegalStateException("route " + route.routeKey() + " is claimed by both " + owner
                            + " and " + function.name());
                }
                if ((route.path() + "/").startsWith(LOCAL_PREFIX)) {
                    throw new IllegalStateException("route " + route.routeKey() + " of " + function.name()
                            + " is under " + LOCAL_PREFIX + ", which the laptop gateway keeps for its helpers");
                }
                if (route.path().equals(ApiDocument.YAML_PATH) || route.path().equals(ApiDocument.PAGE_PATH)) {
                    throw new IllegalStateException("route " + route.routeKey() + " of " + function.name()
                            + " is where the laptop gateway serves the API document");
                }
                routes.add(new ApiRoute(route, RouteTemplate.parse(route.path()), function));
            }
        }
        routes.sort((a, b) -> RouteTemplate.MOST_SPECIFIC_FIRST.compare(a.template(), b.template()));
        return new RouteTable(routes);
    }

    public List<ApiRoute> routes() {
        return routes;
    }

    /** The route for {@code method} and {@code rawPath}; a path that fits only with another method is no match (404). */
    public Optional<RouteMatch> match(String method, String rawPath) {
        for (ApiRoute route : routes) {
            if (!route.route().method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> parameters = route.template().match(rawPath);
            if (parameters.isPresent()) {
                return Optional.of(new RouteMatch(route, parameters.get()));
            }
        }
        return Optional.empty();
    }
}
