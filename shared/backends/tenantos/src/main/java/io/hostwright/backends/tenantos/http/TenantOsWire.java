package io.hostwright.backends.tenantos.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.tenantos.InstallStatus;
import io.hostwright.backends.tenantos.IpAssignment;
import io.hostwright.backends.tenantos.ProvisioningProfile;
import io.hostwright.backends.tenantos.Subnet;
import io.hostwright.backends.tenantos.SwitchPort;
import io.hostwright.backends.tenantos.TenantOsServer;
import io.hostwright.backends.tenantos.TenantOsUser;
import io.hostwright.backends.tenantos.TrafficSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * TenantOS's JSON as domain records. TenantOS is PHP: flags arrive as 1/0 (sometimes booleans or "1"), numbers
 * sometimes as strings, and a filtered list may come as an object keyed by index. A shape that cannot be read throws
 * {@link IllegalArgumentException}, which the caller turns into a permanent failure.
 */
final class TenantOsWire {

    private TenantOsWire() {
    }

    /**
     * {@code powerstatus} is read as on/off (also 1/0, true/false) and anything else as unknown; an absent
     * {@code suspendUserIds} is nobody suspended (the field is seen only as a PUT body key [C]).
     */
    static TenantOsServer server(JsonNode n) {
        object(n, "server");
        JsonNode hardware = n.path("detailedHardwareInformation");
        return new TenantOsServer(id(n, "server"), text(n, "hostname"), number(n.get("user_id")), text(n, "primaryip"),
                strings(n.get("tags"), "tags"), flag(n.get("reinstallationRunning")), flag(n.get("diskwipeRunning")),
                hardware.path("cpu").path("model").asText(""), number(hardware.path("memory").get("value")),
                text(n, "os"), powerStatus(n.get("powerstatus")),
                strings(n.path("powerprovider").get("supportedFeatures"), "power features"),
                flag(n.get("rescueBootRunning")), numbers(n.get("suspendUserIds"), "suspended user ids"));
    }

    private static String powerStatus(JsonNode v) {
        if (v == null || v.isNull()) {
            return "unknown";
        }
        return switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
            case "on", "1", "true", "online" -> "on";
            case "off", "0", "false", "offline" -> "off";
            default -> "unknown";
        };
    }

    static TenantOsUser user(JsonNode n) {
        object(n, "user");
        return new TenantOsUser(id(n, "user"), text(n, "email"), text(n, "name"), number(n.get("role_id")));
    }

    static IpAssignment ipAssignment(JsonNode n) {
        object(n, "IP assignment");
        String ip = text(n, "ip");
        if (ip.isEmpty()) {
            throw new IllegalArgumentException("IP assignment " + n.path("id").asText() + " has no ip");
        }
        JsonNode attributes = n.path("ipAttributes");
        boolean ipv4 = attributes.has("isIpv4") ? flag(attributes.get("isIpv4")) : !ip.contains(":");
        long subnetId = n.hasNonNull("subnet_id") ? number(n.get("subnet_id")) : number(n.path("subnetinformation").get("id"));
        String rdns = text(n, "rdns");
        return new IpAssignment(id(n, "IP assignment"), ip, flag(n.get("primary_ip")), ipv4, subnetId,
                rdns.isBlank() ? null : rdns);
    }

    /**
     * [U] A port of {@code getManageableNetworkPorts}: {@code id}, {@code name}, the switch as {@code switch.name}
     * (or a plain {@code switch} string), {@code manageable} (absent: the list holds manageable ports, so true) and
     * the administrative state as {@code adminStatus} up/down (or an {@code enabled} flag; absent: up).
     */
    static SwitchPort switchPort(JsonNode n) {
        object(n, "switch port");
        JsonNode sw = n.path("switch");
        String switchName = sw.isObject() ? sw.path("name").asText("") : sw.isValueNode() ? sw.asText("") : "";
        boolean manageable = !n.has("manageable") || flag(n.get("manageable"));
        boolean enabled;
        if (n.hasNonNull("adminStatus")) {
            enabled = !n.get("adminStatus").asText().strip().equalsIgnoreCase("down");
        } else {
            enabled = !n.has("enabled") || flag(n.get("enabled"));
        }
        return new SwitchPort(id(n, "switch port"), text(n, "name"), switchName, manageable, enabled);
    }

    /** [U] A traffic sample: {@code timestamp} (epoch seconds, the interval's start), {@code bytesIn}, {@code bytesOut}. */
    static TrafficSample trafficSample(JsonNode n) {
        object(n, "traffic sample");
        JsonNode timestamp = n.get("timestamp");
        if (timestamp == null || timestamp.isNull()) {
            throw new IllegalArgumentException("traffic sample has no timestamp");
        }
        return new TrafficSample(Instant.ofEpochSecond(number(timestamp)), number(n.get("bytesIn")),
                number(n.get("bytesOut")));
    }

    /** The token of {@code generateSsoToken}: {@code {"authToken": "…"}}. */
    static String ssoToken(JsonNode n) {
        object(n, "SSO token");
        String token = text(n, "authToken").strip();
        if (token.isEmpty() || !token.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("SSO token answer has no usable authToken");
        }
        return token;
    }

    static Subnet subnet(JsonNode n) {
        object(n, "subnet");
        String cidr = text(n, "cidr");
        if (cidr.isEmpty() && n.hasNonNull("subnet")) {
            cidr = text(n, "subnet") + (n.hasNonNull("netmask") ? "/" + text(n, "netmask") : "");
        }
        boolean ipv4 = n.has("isIpv4") ? flag(n.get("isIpv4")) : !cidr.contains(":");
        return new Subnet(id(n, "subnet"), cidr, ipv4);
    }

    /** A free IP: TenantOS sends plain strings; an object with {@code ip} is read too. */
    static String ip(JsonNode n) {
        String ip = n.isTextual() ? n.asText() : text(n, "ip");
        if (ip.isBlank()) {
            throw new IllegalArgumentException("assignable IP list holds an entry without an IP");
        }
        return ip;
    }

    /** A profile of either list: {@code id}, {@code name}, {@code tags} (absent: none). */
    static ProvisioningProfile profile(JsonNode n) {
        object(n, "provisioning profile");
        return new ProvisioningProfile(id(n, "provisioning profile"), text(n, "name"), profileTags(n.get("tags")));
    }

    /**
     * [U] A profile's tags as strings, also as PHP's keyed list; a tag object is read by its {@code name}. Any other
     * shape is refused rather than read as no tag: the tag that marks a disk wipe must not go unseen.
     */
    private static List<String> profileTags(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return List.of();
        }
        if (!v.isArray() && !v.isObject()) {
            throw new IllegalArgumentException("expected a list of profile tags, got " + kind(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode tag : v) {
            if (tag.isTextual() || tag.isNumber()) {
                out.add(tag.asText());
            } else if (tag.isObject() && tag.path("name").isTextual()) {
                out.add(tag.get("name").asText());
            } else {
                throw new IllegalArgumentException("a profile tag is neither text nor an object with a name: "
                        + kind(tag));
            }
        }
        return out;
    }

    /** [U] The status words are not confirmed: synonyms seen in similar APIs are read too; anything else is refused. */
    static InstallStatus installStatus(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return new InstallStatus(InstallStatus.State.NOT_RUNNING, 0, "");
        }
        object(n, "install status");
        String word = text(n, "status").toLowerCase(Locale.ROOT);
        InstallStatus.State state = switch (word) {
            case "", "none", "idle", "not_running" -> InstallStatus.State.NOT_RUNNING;
            case "running", "pending", "queued", "in_progress", "installing" -> InstallStatus.State.RUNNING;
            case "finished", "completed", "done", "success" -> InstallStatus.State.FINISHED;
            case "failed", "error", "aborted" -> InstallStatus.State.FAILED;
            default -> throw new IllegalArgumentException("unknown install status '" + shorten(word) + "'");
        };
        int progress = (int) Math.max(0, Math.min(100, number(n.get("progress"))));
        return new InstallStatus(state, progress, text(n, "message"));
    }

    static <T> List<T> list(JsonNode n, String what, Function<JsonNode, T> element) {
        if (!n.isArray() && !n.isObject()) {
            throw new IllegalArgumentException("expected a list of " + what + ", got " + kind(n));
        }
        List<T> out = new ArrayList<>(n.size());
        for (JsonNode e : n) { // an object's values, in order, when PHP sent a keyed array
            out.add(element.apply(e));
        }
        return out;
    }

    private static void object(JsonNode n, String what) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a " + what + " object, got " + kind(n));
        }
    }

    private static long id(JsonNode n, String what) {
        JsonNode id = n.get("id");
        if (id == null || !(id.isIntegralNumber() || id.isTextual() && id.asText().matches("\\d+"))) {
            throw new IllegalArgumentException(what + " has no numeric id");
        }
        return id.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** Missing or null is 0: an unowned server's {@code user_id}, an absent role or progress. */
    private static long number(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return 0;
        }
        if (v.isNumber() || v.isTextual() && v.asText().strip().matches("-?\\d+(\\.\\d+)?")) {
            return (long) Double.parseDouble(v.asText().strip());
        }
        throw new IllegalArgumentException("expected a number, got " + kind(v));
    }

    private static boolean flag(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asLong() != 0;
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("true");
    }

    private static List<String> strings(JsonNode v, String what) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("expected a list of " + what + ", got " + kind(v));
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(tag -> out.add(tag.asText()));
        return out;
    }

    private static List<Long> numbers(JsonNode v, String what) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("expected a list of " + what + ", got " + kind(v));
        }
        List<Long> out = new ArrayList<>(v.size());
        v.forEach(item -> out.add(number(item)));
        return out;
    }

    private static String kind(JsonNode n) {
        return n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
