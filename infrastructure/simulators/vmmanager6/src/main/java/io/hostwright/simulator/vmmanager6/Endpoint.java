package io.hostwright.simulator.vmmanager6;

/** What a route of this simulator leads to, in its {@link io.hostwright.simulators.http.Router}. */
@FunctionalInterface
interface Endpoint {
    Object handle(ApiRequest request);
}
