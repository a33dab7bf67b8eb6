package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

/**
 * Hosts (VMs): list and get, and the mutating calls, each answering its task's consul id at once and taking effect
 * when the task completes. [C] routes, bodies and answers ({@code restart} answers {@code start_task}); ours: the
 * states shown while a task runs, 409 / 1020 while the host's previous task runs, what a failed task leaves (a
 * failed create: {@code failed}; any other: the state before).
 */
final class HostEndpoints {

    private final World world;
    private final HostCreation creation;

    HostEndpoints(World world) {
        this.world = world;
        this.creation = new HostCreation(world);
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/vm/v3/host", this::list)
                .add("POST", "/vm/v3/host", creation::create)
                .add("GET", "/vm/v3/host/{id}", this::get)
                .add("DELETE", "/vm/v3/host/{id}", this::delete)
                .add("POST", "/vm/v3/host/{id}/start", r -> power(r, TaskNames.HOST_START))
                .add("POST", "/vm/v3/host/{id}/stop", r -> power(r, TaskNames.HOST_STOP))
                .add("POST", "/vm/v3/host/{id}/restart", r -> power(r, TaskNames.HOST_RESTART))
                .add("POST", "/vm/v3/host/{id}/reinstall", this::reinstall)
                .add("POST", "/vm/v3/host/{id}/resource", this::resource)
                .add("POST", "/vm/v3/host/{id}/password", this::password)
                .add("POST", "/vm/v3/disk/{diskId}", this::resizeDisk);
    }

    private Object list(ApiRequest request) {
        return world.locked(() -> ListQuery.answer(world.hosts.values().stream().map(h -> Views.host(world, h))
                .toList(), request.query()));
    }

    private Object get(ApiRequest request) {
        long id = request.id("id", "Host");
        return world.locked(() -> Views.host(world, world.host(id)));
    }

    private Object delete(ApiRequest request) {
        long id = request.id("id", "Host");
        return world.locked(() -> {
            HostState host = world.idleHost(id);
            String before = host.state;
            host.state = HostState.DELETING;
            TaskState task = world.startTask(host, TaskNames.HOST_DELETE, new TaskEffect.Delete(before));
            return Json.obj("task", task.consulId);
        });
    }

    /** Start and restart leave the host {@code active} and on, stop {@code stopped} and off. */
    private Object power(ApiRequest request, String name) {
        long id = request.id("id", "Host");
        return world.locked(() -> {
            HostState host = world.idleHost(id);
            boolean on = !name.equals(TaskNames.HOST_STOP);
            TaskState task = world.startTask(host, name, new TaskEffect.Power(on));
            return Json.obj(name.equals(TaskNames.HOST_RESTART) ? "start_task" : "task", task.consulId);
        });
    }

    /** {@code {os, password?}}: {@code reinstalling}, then {@code active} and on with the new OS (and password). */
    private Object reinstall(ApiRequest request) {
        long id = request.id("id", "Host");
        long osId = request.integer("os", 1, Limits.MAX_ID);
        String password = request.present("password") ? request.text("password") : null;
        return world.locked(() -> {
            HostState host = world.host(id);
            if (!world.os.containsKey(osId)) {
                throw ApiError.invalid("os", "no OS template " + osId);
            }
            world.idleHost(id);
            String before = host.state;
            host.state = HostState.REINSTALLING;
            TaskState task = world.startTask(host, TaskNames.HOST_REINSTALL,
                    new TaskEffect.Reinstall(osId, password, before));
            return Json.obj("task", task.consulId);
        });
    }

    /** {@code {cpu_number?, ram_mib?, net_bandwidth_mbitps?}}, at least one: {@code changing} while it runs. */
    private Object resource(ApiRequest request) {
        long id = request.id("id", "Host");
        Long cpu = request.optionalInteger("cpu_number", 1, Limits.MAX_CPU);
        Long ram = request.optionalInteger("ram_mib", Limits.MIN_RAM_MIB, Limits.MAX_RAM_MIB);
        Long bandwidth = request.optionalInteger("net_bandwidth_mbitps", 0, Limits.MAX_BANDWIDTH_MBITPS);
        if (cpu == null && ram == null && bandwidth == null) {
            throw ApiError.invalid("cpu_number", "cpu_number, ram_mib or net_bandwidth_mbitps is required");
        }
        return world.locked(() -> {
            HostState host = world.idleHost(id);
            String before = host.state;
            host.state = HostState.CHANGING;
            TaskState task = world.startTask(host, TaskNames.HOST_CHANGE_PARAMS,
                    new TaskEffect.ChangeParams(cpu, ram, bandwidth, before));
            return Json.obj("task", task.consulId);
        });
    }

    private Object password(ApiRequest request) {
        long id = request.id("id", "Host");
        String password = request.text("password");
        return world.locked(() -> {
            HostState host = world.idleHost(id);
            TaskState task = world.startTask(host, TaskNames.HOST_PASSWORD, new TaskEffect.Password(password));
            return Json.obj("task", task.consulId);
        });
    }

    /** {@code {size_mib}}: grows only (shrinking: 400 / 1002 size_mib); the host shows {@code changing}. */
    private Object resizeDisk(ApiRequest request) {
        long diskId = request.id("diskId", "Disk");
        long size = request.integer("size_mib", Limits.MIN_DISK_MIB, Limits.MAX_DISK_MIB);
        return world.locked(() -> {
            HostState host = null;
            DiskState disk = null;
            for (HostState h : world.hosts.values()) {
                for (DiskState d : h.disks) {
                    if (d.id == diskId) {
                        host = h;
                        disk = d;
                    }
                }
            }
            if (disk == null) {
                throw ApiError.notFound("Disk", diskId);
            }
            if (size < disk.sizeMib) {
                throw ApiError.invalid("size_mib", "a disk cannot shrink (now " + disk.sizeMib + " MiB)");
            }
            HostState owner = world.idleHost(host.id);
            String before = owner.state;
            owner.state = HostState.CHANGING;
            TaskState task = world.startTask(owner, TaskNames.DISK_RESIZE,
                    new TaskEffect.DiskResize(disk.id, size, before));
            return Json.obj("task", task.consulId);
        });
    }
}
