package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

/**
 * What there is to choose from — OS templates, clusters, presets, IP pools — and the task list. [C] the routes; the
 * item fields are ours where no public client shows them (the OS's {@code repository} object, the pool's
 * {@code free} and {@code total}).
 */
final class CatalogEndpoints {

    private final World world;

    CatalogEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/vm/v3/os", r -> world.locked(() -> ListQuery.answer(
                        world.os.values().stream().map(o -> Views.os(world, o)).toList(), r.query())))
                .add("GET", "/vm/v3/cluster", r -> world.locked(() -> ListQuery.answer(
                        world.clusters.values().stream().map(Views::cluster).toList(), r.query())))
                .add("GET", "/vm/v3/preset", r -> world.locked(() -> ListQuery.answer(
                        world.presets.values().stream().map(Views::preset).toList(), r.query())))
                .add("GET", "/vm/v3/ippool", r -> world.locked(() -> ListQuery.answer(
                        world.pools.values().stream().map(Views::pool).toList(), r.query())))
                .add("GET", "/vm/v3/task", r -> world.locked(() -> ListQuery.answer(
                        world.tasks.values().stream().map(Views::task).toList(), r.query())));
    }
}
