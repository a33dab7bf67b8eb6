package io.hostwright.simulator.tenantos;

/** {@code GET /api/servers/{id}/power/{method}}: the GET-by-method form working clients use. */
final class PowerEndpoints {

    private final World world;

    PowerEndpoints(World world) {
        this.world = world;
    }

    void register(Router router) {
        router.add("GET", "/api/servers/{id}/power/{method}", this::power);
    }

    private Object power(ApiRequest request) {
        long id = request.id("id", "Server");
        String method = request.params().get("method");
        return world.locked(() -> {
            ServerState server = world.server(id);
            return switch (method) {
                case "setPowerOn", "setPowerReset" -> {
                    server.powerStatus = "on";
                    yield true;
                }
                case "setPowerOff" -> {
                    server.powerStatus = "off";
                    yield true;
                }
                case "getPowerStatus" -> server.powerStatus;
                default -> throw new ApiError(422, "Unknown power method: " + method);
            };
        });
    }
}
