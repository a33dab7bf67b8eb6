package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Router;

/**
 * {@code GET /api/servers/{id}/power/{method}}: the GET-by-method form working clients use. A method the server's
 * power provider does not list in {@code supportedFeatures} is refused (422). Power may be switched while an
 * install runs, as TenantOS allows, except that a running disk wipe cannot be powered off (409; the simulator's
 * choice, so a client that does it is noticed).
 */
final class PowerEndpoints {

    private final World world;

    PowerEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/api/servers/{id}/power/{method}", this::power);
    }

    private Object power(ApiRequest request) {
        long id = request.id("id", "Server");
        String method = request.params().get("method");
        return world.locked(() -> {
            ServerState server = world.server(id);
            if (method.equals("getPowerStatus")) {
                return server.powerStatus;
            }
            if (!Seed.POWER_FEATURES.contains(method)) {
                throw new ApiError(422, "Unknown power method: " + method);
            }
            if (!server.powerFeatures.contains(method)) {
                throw new ApiError(422, method + " is not supported by this server's power provider.");
            }
            if (method.equals("setPowerOff") && server.diskwipeRunning()) {
                throw new ApiError(409, "A disk wipe is running on this server; it cannot be powered off now.");
            }
            server.powerStatus = method.equals("setPowerOff") ? "off" : "on";
            world.trafficMayHaveChanged(server);
            return true;
        });
    }
}
