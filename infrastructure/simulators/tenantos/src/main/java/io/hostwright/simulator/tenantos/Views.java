package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** TenantOS's JSON shapes, field for field (the adapter reads exactly these). Called under the world lock. */
final class Views {

    private Views() {
    }

    static Map<String, Object> server(World world, ServerState s) {
        UserState owner = s.userId == null ? null : world.users.get(s.userId);
        return Json.obj(
                "id", s.id,
                "hostname", s.hostname,
                "servername", s.servername,
                "user_id", s.userId,
                "owner_realname", owner == null ? "" : owner.name,
                "os", s.os,
                "servertype", "dedicated",
                "primaryip", s.primaryIp(),
                "tags", s.tags,
                "description", "",
                "detailedHardwareInformation", Json.obj(
                        "cpu", Json.obj("model", s.cpuModel),
                        "memory", Json.obj("value", s.memoryMb)),
                "powerprovider", Json.obj("type", "ipmi", "supportedFeatures", s.powerFeatures),
                "powerstatus", s.powerStatus,
                "reinstallationRunning", s.reinstallationRunning() ? 1 : 0,
                "diskwipeRunning", s.diskwipeRunning() ? 1 : 0,
                "rescueBootRunning", s.rescueBootRunning ? 1 : 0,
                "suspendUserIds", s.suspendUserIds,
                "ipassignments", s.assignments.stream().map(a -> assignment(world, a)).toList());
    }

    static Map<String, Object> assignment(World world, AssignmentState a) {
        SubnetState subnet = world.subnets.get(a.subnetId);
        return Json.obj(
                "id", a.id,
                "ip", a.ip,
                "primary_ip", a.primary ? 1 : 0,
                "subnet_id", a.subnetId,
                "rdns", a.rdns,
                "ipAttributes", Json.obj("isIpv4", 1, "isIpv6", 0, "isSubnet", 0),
                "subnetinformation", subnet == null ? null : Json.obj(
                        "cidr", subnet.cidr,
                        "subnet", subnet.subnetAddress(),
                        "netmask", subnet.netmask(),
                        "gw", subnet.gateway,
                        "type", subnet.type,
                        "rdnsAvailable", 1));
    }

    /** [U] field names: TenantOS's answer of {@code getManageableNetworkPorts} is not public. */
    static Map<String, Object> port(ServerState.PortState p) {
        return Json.obj("id", p.id, "name", p.name, "switch", Json.obj("name", p.switchName),
                "manageable", p.manageable ? 1 : 0, "adminStatus", p.enabled ? "up" : "down");
    }

    static Map<String, Object> subnet(SubnetState s) {
        return Json.obj("id", s.id, "cidr", s.cidr, "subnet", s.subnetAddress(), "netmask", s.netmask(),
                "gw", s.gateway, "type", s.type, "isIpv4", 1);
    }

    static Map<String, Object> user(UserState u) {
        return Json.obj("id", u.id, "name", u.name, "username", u.username, "email", u.email, "role_id", u.roleId);
    }

    static Map<String, Object> profile(Seed.Profile p) {
        return Json.obj("id", p.id(), "name", p.name(), "tags", p.tags());
    }

    static Map<String, Object> installStatus(InstallJob job, Instant now) {
        if (job == null) {
            return Json.obj("status", "none", "progress", 0, "message", "no installation started");
        }
        String what = job.wipe ? "disk wipe" : "installation";
        int progress = job.progress(now);
        return switch (job.state) {
            case RUNNING -> Json.obj("status", "running", "progress", progress, "message", job.phase(progress));
            case FINISHED -> Json.obj("status", "finished", "progress", 100, "message", what + " finished");
            case FAILED -> Json.obj("status", "failed", "progress", progress, "message",
                    what + " failed: " + job.failMessage);
            case CANCELLED -> Json.obj("status", "none", "progress", 0, "message", what + " cancelled");
        };
    }
}
