package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

import java.util.Map;

/**
 * A host's IPv4 addresses and their PTR records: [C] {@code GET /vm/v3/host/{id}/ipv4} and
 * {@code POST /vm/v3/ip/{ipId}/ptr} with {@code domain}. Ours: the item fields {@code id, ip_addr, domain}, the PTR
 * set at once (no task), {@code domain} checked as a domain name.
 */
final class IpEndpoints {

    private final World world;

    IpEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/vm/v3/host/{id}/ipv4", this::list)
                .add("POST", "/vm/v3/ip/{ipId}/ptr", this::ptr);
    }

    private Object list(ApiRequest request) {
        long id = request.id("id", "Host");
        return world.locked(() -> ListQuery.answer(world.host(id).ipv4.stream().map(Views::ipv4).toList(),
                request.query()));
    }

    private Object ptr(ApiRequest request) {
        long ipId = request.id("ipId", "IP address");
        String domain = request.text("domain").trim();
        if (!Limits.isDomain(domain)) {
            throw ApiError.invalid("domain", "not a domain name");
        }
        return world.locked(() -> {
            world.ip(ipId).domain = domain;
            return Map.of();
        });
    }
}
