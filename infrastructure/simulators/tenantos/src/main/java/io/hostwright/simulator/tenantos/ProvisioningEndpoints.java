package io.hostwright.simulator.tenantos;

import io.hostwright.simulators.http.Router;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The OS catalogue, the global list of PXE profiles and a server's (the same list), installs/wipes that run for the
 * configured time, and the rescue system.
 * [U] The rescue calls are our reading ({@code startRescueSystem} with {@code rootPassword},
 * {@code stopRescueSystem}); starting an install leaves the rescue system (the installer boots instead). With
 * {@link Settings#staleStatusReads()} set, the install status lags behind a start the way TenantOS's may.
 */
final class ProvisioningEndpoints {

    private final World world;
    private final Supplier<Settings> settings;

    ProvisioningEndpoints(World world, Supplier<Settings> settings) {
        this.world = world;
        this.settings = settings;
    }

    void register(Router<Endpoint> router) {
        String base = "/api/servers/{id}/provisioning";
        router.add("POST", "/api/os/list", this::osList)
                .add("GET", "/api/pxe/profiles", this::allProfiles)
                .add("GET", base + "/getProfiles", this::profiles)
                .add("POST", base + "/startReinstallation", this::start)
                .add("GET", base + "/getInstallStatus", this::status)
                .add("GET", base + "/stopReinstallation", this::stop)
                .add("POST", base + "/startRescueSystem", this::startRescue)
                .add("GET", base + "/stopRescueSystem", this::stopRescue);
    }

    private Object osList(ApiRequest request) {
        return world.locked(() -> world.os.stream().map(o -> Json.obj("id", o.id(), "name", o.name())).toList());
    }

    /** Every PXE profile of the installation, OS installs and disk wipes alike, in the order they were added. */
    private Object allProfiles(ApiRequest request) {
        return world.locked(() -> world.profiles.values().stream().map(Views::profile).toList());
    }

    private Object profiles(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            world.server(id);
            return world.profiles.values().stream().map(Views::profile).toList();
        });
    }

    private Object start(ApiRequest request) {
        long id = request.id("id", "Server");
        long profileId = request.requiredLong("profileId", "profile id");
        String hostname = request.present("hostname") ? request.requiredText("hostname", "hostname").trim() : null;
        String rootPassword = request.present("rootPassword")
                ? request.requiredText("rootPassword", "root password") : null;
        Settings now = settings.get();
        return world.locked(() -> {
            ServerState server = world.server(id);
            Seed.Profile profile = world.profiles.get(profileId);
            if (profile == null) {
                throw new ApiError(404, "Profile not found");
            }
            if (server.reinstallationRunning() || server.diskwipeRunning()) {
                throw new ApiError(409, "A reinstallation or disk wipe is already running on this server.");
            }
            Map<String, Object> previousStatus = Views.installStatus(server.install, world.now());
            world.startInstall(server, new InstallJob(profile, world.now(),
                    profile.wipe() ? now.wipeDuration() : now.installDuration(), request.failInstall()));
            server.install.reportStale(previousStatus, now.staleStatusReads());
            if (hostname != null) {
                server.hostname = hostname;
            }
            // a wiped disk holds no password any more
            server.rootPassword = profile.wipe() ? null : rootPassword;
            server.rescueBootRunning = false;
            server.rescuePassword = null;
            return Json.obj("started", true);
        });
    }

    private Object startRescue(ApiRequest request) {
        long id = request.id("id", "Server");
        String rootPassword = request.requiredText("rootPassword", "root password");
        if (rootPassword.length() < 8) {
            throw new ApiError(422, "The root password must be at least 8 characters.");
        }
        return world.locked(() -> {
            ServerState server = world.server(id);
            if (server.busy()) {
                throw new ApiError(409, "A reinstallation or disk wipe is running on this server.");
            }
            if (server.rescueBootRunning) {
                throw new ApiError(409, "The rescue system is already running on this server.");
            }
            server.rescueBootRunning = true;
            server.rescuePassword = rootPassword;
            server.powerStatus = "on";
            world.trafficMayHaveChanged(server);
            return true;
        });
    }

    /** Boots from disk again; nothing to do when no rescue system runs. */
    private Object stopRescue(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            ServerState server = world.server(id);
            server.rescueBootRunning = false;
            server.rescuePassword = null;
            return true;
        });
    }

    /** The job's status, or, for the first stale reads while it runs, the status of the job before it. */
    private Object status(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            InstallJob job = world.server(id).install;
            Map<String, Object> stale = job == null ? null : job.staleRead();
            return stale != null ? stale : Views.installStatus(job, world.now());
        });
    }

    private Object stop(ApiRequest request) {
        long id = request.id("id", "Server");
        return world.locked(() -> {
            ServerState server = world.server(id);
            if (server.install != null && server.install.running()) {
                server.install.end(InstallJob.State.CANCELLED, world.now());
            }
            return true;
        });
    }
}
