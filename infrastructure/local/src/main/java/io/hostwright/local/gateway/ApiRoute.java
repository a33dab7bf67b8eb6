package io.hostwright.local.gateway;

import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.HttpRoute;

/** A manifest route served by a local function. */
public record ApiRoute(HttpRoute route, RouteTemplate template, LocalFunction function) {
}
