package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Router;

/**
 * A server's IP assignments. Deleting the primary assignment is allowed, as in TenantOS: keeping it is the client's
 * job. The server's {@code primaryip} follows its primary assignment ("" when there is none).
 */
final class IpEndpoints {

    private final World world;

    IpEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        String base = "/api/servers/{id}/ipassignments";
        router.add("GET", base, this::list)
                .add("POST", base, this::add)
                .add("DELETE", base + "/{assignmentId}", this::remove)
                .add("GET", base + "/getAssignableSubnets", this::subnets)
                .add("POST", base + "/getAssignableIpsOfSubnet", this::freeIps)
                .add("POST", base + "/rdns", this::rdns);
    }

    private Object list(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> world.server(id).assignments.stream().map(a -> Views.assignment(world, a)).toList());
    }

    private Object subnets(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            world.server(id);
            return world.subnets.values().stream().map(Views::subnet).toList();
        });
    }

    private Object freeIps(ApiRequest request) {
        long id = request.id("id", "Server");
        long subnetId = request.requiredLong("subnetId", "subnet id");
        return world.locked(() -> {
            world.server(id);
            SubnetState subnet = world.subnets.get(subnetId);
            if (subnet == null) {
                throw ApiError.notFound("Subnet");
            }
            return world.freeIps(subnet);
        });
    }

    private Object add(ApiRequest request) {
        long id = request.id("id", "Server");
        long subnetId = request.requiredLong("subnetId", "subnet id");
        String ip = request.requiredText("ip", "ip").trim();
        if (!Ipv4.isAddress(ip)) {
            throw new ApiError(422, "The ip must be a valid IPv4 address.");
        }
        long address = Ipv4.parse(ip);
        return world.locked(() -> {
            ServerState server = world.server(id);
            SubnetState subnet = world.subnets.get(subnetId);
            if (subnet == null) {
                throw ApiError.invalid("subnet id");
            }
            if (world.ipHolder(address).isPresent()) {
                throw new ApiError(409, "The IP address " + ip + " is already assigned.");
            }
            if (!subnet.pool.contains(address)) {
                throw new ApiError(422, "The IP address " + ip + " is not assignable from subnet " + subnet.cidr + ".");
            }
            boolean primary = server.assignments.stream().noneMatch(a -> a.primary);
            AssignmentState assignment = new AssignmentState(world.nextAssignmentId++, Ipv4.format(address),
                    subnet.id, primary);
            server.assignments.add(assignment);
            return Views.assignment(world, assignment);
        });
    }

    private Object remove(ApiRequest request) {
        long id = request.id("id", "Server");
        long assignmentId = request.id("assignmentId", "IP assignment");
        return world.locked(() -> {
            ServerState server = world.server(id);
            if (!server.assignments.removeIf(a -> a.id == assignmentId)) {
                throw ApiError.notFound("IP assignment");
            }
            return true;
        });
    }

    private Object rdns(ApiRequest request) {
        long id = request.id("id", "Server");
        String ip = request.requiredText("ip", "ip").trim();
        String rdns = request.requiredText("rdns", "rdns").trim();
        if (!Hostnames.valid(rdns)) {
            throw new ApiError(422, "The rdns must be a valid hostname.");
        }
        return world.locked(() -> {
            AssignmentState assignment = world.server(id).assignments.stream()
                    .filter(a -> a.ip.equals(ip)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("IP assignment"));
            assignment.rdns = rdns;
            return true;
        });
    }
}
