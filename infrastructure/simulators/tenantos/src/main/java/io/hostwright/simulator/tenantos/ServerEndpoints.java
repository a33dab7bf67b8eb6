package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Listing, finding by tags and updating servers (owner, hostname, tags, suspension). */
final class ServerEndpoints {

    private final World world;

    ServerEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/api/servers", this::list)
                .add("GET", "/api/servers/{id}", this::get)
                .add("POST", "/api/servers/getByTags", this::byTags)
                .add("PUT", "/api/servers/{id}", this::update);
    }

    private Object list(ApiRequest request) {
        List<String> tags = Arrays.stream(request.query().getOrDefault("tags", "").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
        String userId = request.query().get("userId");
        return world.locked(() -> world.servers.values().stream()
                .filter(s -> s.tags.containsAll(tags))
                .filter(s -> userId == null || String.valueOf(s.userId).equals(userId))
                .map(s -> Views.server(world, s))
                .toList());
    }

    private Object get(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> Views.server(world, world.server(id)));
    }

    private Object byTags(ApiRequest request) {
        if (!request.has("tags")) {
            throw ApiError.required("tags");
        }
        List<String> tags = request.textList("tags", "tags");
        return world.locked(() -> world.servers.values().stream()
                .filter(s -> s.tags.containsAll(tags))
                .map(s -> Views.server(world, s))
                .toList());
    }

    private Object update(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            ServerState server = world.server(id);
            // validate everything first: a rejected PUT changes nothing
            Long owner = request.has("user_id") ? owner(request.field("user_id")) : server.userId;
            String hostname = request.present("hostname") ? hostname(request.field("hostname")) : server.hostname;
            List<String> tags = request.present("tags")
                    ? List.copyOf(new LinkedHashSet<>(request.textList("tags", "tags"))) : server.tags;
            List<Long> suspended = request.present("suspendUserIds")
                    ? userIds(request.field("suspendUserIds")) : server.suspendUserIds;
            if (request.has("user_id")) {
                world.setOwner(server, owner);
            }
            server.hostname = hostname;
            server.tags = tags;
            server.suspendUserIds = suspended;
            return Views.server(world, server);
        });
    }

    private Long owner(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !world.users.containsKey(value.asLong())) {
            throw ApiError.invalid("user id");
        }
        return value.asLong();
    }

    private static String hostname(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ApiError(422, "The hostname must be a non-empty string.");
        }
        return value.asText().trim();
    }

    private List<Long> userIds(JsonNode value) {
        if (!value.isArray()) {
            throw new ApiError(422, "The suspend user ids must be an array.");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.canConvertToLong() || !world.users.containsKey(item.asLong())) {
                throw ApiError.invalid("suspend user ids");
            }
            ids.add(item.asLong());
        }
        return List.copyOf(ids);
    }
}
