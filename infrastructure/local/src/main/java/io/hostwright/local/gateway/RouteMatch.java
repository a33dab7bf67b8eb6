package io.hostwright.local.gateway;

import java.util.Map;

/** The route a request selected, with its path parameters decoded. */
public record RouteMatch(ApiRoute route, Map<String, String> pathParameters) {

    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
