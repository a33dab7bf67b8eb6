package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Router;

/**
 * A server's switch ports: listed with {@code getManageableNetworkPorts} (every port, each saying whether it is
 * manageable), set up or down with {@code ports/{portId}/enable|disable}. [U] TenantOS's call for the latter is not
 * public: this is the adapter's reading. A port on a switch TenantOS cannot manage is refused (422).
 */
final class NetworkEndpoints {

    private final World world;

    NetworkEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        String base = "/api/servers/{id}/network";
        router.add("GET", base + "/getManageableNetworkPorts", this::list)
                .add("POST", base + "/ports/{portId}/enable", r -> set(r, true))
                .add("POST", base + "/ports/{portId}/disable", r -> set(r, false));
    }

    private Object list(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> world.server(id).ports.stream().map(Views::port).toList());
    }

    private Object set(ApiRequest request, boolean enabled) {
        long id = request.id("id", "Server");
        long portId = request.id("portId", "Port");
        return world.locked(() -> {
            ServerState server = world.server(id);
            ServerState.PortState port = server.ports.stream().filter(p -> p.id == portId).findFirst()
                    .orElseThrow(() -> ApiError.notFound("Port"));
            if (!port.manageable) {
                throw new ApiError(422, "The switch " + port.switchName + " of port " + port.name
                        + " is not manageable.");
            }
            port.enabled = enabled;
            world.trafficMayHaveChanged(server);
            return true;
        });
    }
}
