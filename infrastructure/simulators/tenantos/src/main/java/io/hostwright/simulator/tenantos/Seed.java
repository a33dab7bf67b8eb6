package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated TenantOS installation holds at start (and after {@code reset}): roles, users, subnets with the
 * addresses they may hand out, the OS catalogue, provisioning profiles and servers. Read from JSON (the field names
 * of these records) or built in Java; {@link #demo()} is the laptop's stock of eight servers.
 */
public record Seed(List<Role> roles, List<User> users, List<Subnet> subnets, List<Os> os, List<Profile> profiles,
                   List<Server> servers) {

    /** The resource {@link #demo()} reads. */
    public static final String DEMO_RESOURCE = "/io/hostwright/simulator/tenantos/demo-seed.json";

    public Seed {
        roles = copy(roles);
        users = copy(users);
        subnets = copy(subnets);
        os = copy(os);
        profiles = copy(profiles);
        servers = copy(servers);
    }

    public record Role(long id, String name) {
    }

    public record User(long id, String name, String username, String email, String password, long roleId) {
    }

    /**
     * @param freeIps addresses the subnet can hand out besides those servers already hold: single addresses or
     *                ranges {@code "203.0.113.40-203.0.113.79"}
     */
    public record Subnet(long id, String cidr, String gateway, String type, List<String> freeIps) {
        public Subnet {
            freeIps = copy(freeIps);
            type = type == null ? "public" : type;
        }
    }

    public record Os(long id, String name) {
    }

    /** @param wipe a disk-wipe profile: installing it sets {@code diskwipeRunning} and leaves {@code os} empty */
    public record Profile(long id, String name, List<String> tags, boolean wipe) {
        public Profile {
            tags = copy(tags);
        }
    }

    /**
     * @param userId        the owner: the admin account (1) for stock, a customer, or null
     * @param primaryIp     must lie in one of the seed's subnets
     * @param os            installed OS name, "" when none
     * @param powerFeatures the power methods its power provider supports; null (absent) = {@link #POWER_FEATURES}
     * @param ports         the switch ports it is cabled to; null (absent) = {@link #defaultPorts}, [] = none
     * @param traffic       how fast it moves bytes while traffic flows; null (absent) =
     *                      {@link NetworkTraffic#defaultRate}
     */
    public record Server(long id, String hostname, String servername, List<String> tags, String cpuModel,
                         long memoryMb, String primaryIp, Long userId, String os, List<String> powerFeatures,
                         List<Port> ports, TrafficRate traffic) {
        public Server {
            tags = copy(tags);
            os = os == null ? "" : os;
            powerFeatures = powerFeatures == null ? POWER_FEATURES : List.copyOf(powerFeatures);
            ports = ports == null ? defaultPorts(id, servername) : List.copyOf(ports);
        }

        /** Default power features and ports. */
        public Server(long id, String hostname, String servername, List<String> tags, String cpuModel,
                      long memoryMb, String primaryIp, Long userId, String os) {
            this(id, hostname, servername, tags, cpuModel, memoryMb, primaryIp, userId, os, null, null, null);
        }

        public Server withPowerFeatures(List<String> features) {
            return new Server(id, hostname, servername, tags, cpuModel, memoryMb, primaryIp, userId, os, features,
                    ports, traffic);
        }

        public Server withPorts(List<Port> newPorts) {
            return new Server(id, hostname, servername, tags, cpuModel, memoryMb, primaryIp, userId, os,
                    powerFeatures, newPorts, traffic);
        }

        /** Moves bytes at {@code rate} (null: the default) while its traffic flows. */
        public Server withTraffic(TrafficRate rate) {
            return new Server(id, hostname, servername, tags, cpuModel, memoryMb, primaryIp, userId, os,
                    powerFeatures, ports, rate);
        }
    }

    /**
     * A switch port a server is cabled to. In JSON: {@code {"id", "name"?, "switch", "manageable"?, "enabled"?}}
     * ({@code switchName} is read too); name defaults to {@code eth0}, the flags to true.
     *
     * @param manageable TenantOS can set it up/down (its switch allows it)
     * @param enabled    administratively up
     */
    public record Port(long id, String name, String switchName, boolean manageable, boolean enabled) {
        public Port {
            name = name == null || name.isBlank() ? "eth0" : name;
            switchName = switchName == null ? "" : switchName;
        }

        @JsonCreator
        static Port fromJson(@JsonProperty("id") long id, @JsonProperty("name") String name,
                             @JsonProperty("switch") @JsonAlias("switchName") String switchName,
                             @JsonProperty("manageable") Boolean manageable,
                             @JsonProperty("enabled") Boolean enabled) {
            return new Port(id, name, switchName, manageable == null || manageable, enabled == null || enabled);
        }
    }

    /** The subnet {@link Builder#soldServers} takes primary IPs from. */
    public static final long SOLD_SUBNET_ID = 6_400;
    public static final String SOLD_SUBNET = "100.64.0.0/10";

    /** What a server's power provider supports unless seeded otherwise. */
    public static final List<String> POWER_FEATURES = List.of("setPowerOn", "setPowerOff", "setPowerReset");

    /**
     * One manageable, enabled port: id {@code serverId × 10 + 1}, {@code eth0}, on switch {@code sw-<rack>} where
     * the rack is the servername up to its first {@code -}, lower case ({@code R1-U12} → {@code sw-r1}).
     */
    public static List<Port> defaultPorts(long serverId, String servername) {
        String name = servername == null || servername.isBlank() ? "" : servername.strip();
        int dash = name.indexOf('-');
        String rack = (dash > 0 ? name.substring(0, dash) : name).toLowerCase(java.util.Locale.ROOT);
        return List.of(new Port(serverId * 10 + 1, "eth0", "sw-" + (rack.isEmpty() ? "1" : rack), true, true));
    }

    public static Seed demo() {
        try (InputStream in = Seed.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEMO_RESOURCE);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seed fromJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed " + file, e);
        }
    }

    public static Seed fromJson(InputStream json) throws IOException {
        return Json.MAPPER.readValue(json, Seed.class);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from this seed, e.g. {@code Seed.demo().toBuilder().server(...).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.roles.addAll(roles);
        b.users.addAll(users);
        b.subnets.addAll(subnets);
        b.os.addAll(os);
        b.profiles.addAll(profiles);
        b.servers.addAll(servers);
        return b;
    }

    public static final class Builder {
        private final List<Role> roles = new ArrayList<>();
        private final List<User> users = new ArrayList<>();
        private final List<Subnet> subnets = new ArrayList<>();
        private final List<Os> os = new ArrayList<>();
        private final List<Profile> profiles = new ArrayList<>();
        private final List<Server> servers = new ArrayList<>();

        private Builder() {
        }

        public Builder role(long id, String name) {
            roles.add(new Role(id, name));
            return this;
        }

        public Builder user(long id, String name, String username, String email, String password, long roleId) {
            users.add(new User(id, name, username, email, password, roleId));
            return this;
        }

        public Builder subnet(long id, String cidr, String gateway, String type, String... freeIps) {
            subnets.add(new Subnet(id, cidr, gateway, type, List.of(freeIps)));
            return this;
        }

        public Builder os(long id, String name) {
            os.add(new Os(id, name));
            return this;
        }

        public Builder profile(long id, String name, boolean wipe, String... tags) {
            profiles.add(new Profile(id, name, List.of(tags), wipe));
            return this;
        }

        public Builder server(Server server) {
            servers.removeIf(s -> s.id() == server.id());
            servers.add(server);
            return this;
        }

        public Builder server(long id, String hostname, String servername, List<String> tags, String cpuModel,
                              long memoryMb, String primaryIp, Long userId) {
            return server(new Server(id, hostname, servername, tags, cpuModel, memoryMb, primaryIp, userId, ""));
        }

        /**
         * {@code count} servers sold to {@code userId}, ids {@code firstId} on, for load tests: powered on, one port
         * up (so traffic flows from the start when {@code userId} is a customer), moving {@code rate} (null: the
         * default). Each is {@code sold-<id>.example.net} on {@code SOLD-<id>} (port {@code id × 10 + 1} on
         * {@code sw-sold}), tagged {@code sold}, E-2388G / 64 GB, Debian 12, with primary IP
         * {@code 100.64.0.0 + id} in subnet {@link Seed#SOLD_SUBNET_ID} ({@link Seed#SOLD_SUBNET}, added once):
         * ids 1 to 4 194 302. Servers with these ids are replaced.
         */
        public Builder soldServers(int count, long firstId, long userId, TrafficRate rate) {
            long lastId = firstId + count - 1;
            if (count < 1 || firstId < 1 || lastId >= (1L << 22) - 1) {
                throw new IllegalArgumentException("Sold server ids run from 1 to 4194302, got " + count + " from "
                        + firstId);
            }
            if (subnets.stream().noneMatch(s -> s.id() == SOLD_SUBNET_ID)) {
                subnets.add(new Subnet(SOLD_SUBNET_ID, SOLD_SUBNET, "100.64.0.1", "public", List.of()));
            }
            servers.removeIf(s -> s.id() >= firstId && s.id() <= lastId);
            long network = Ipv4.network(SOLD_SUBNET);
            for (long id = firstId; id <= lastId; id++) {
                servers.add(new Server(id, "sold-" + id + ".example.net", "SOLD-" + id, List.of("sold"),
                        "Intel Xeon E-2388G", 65_536, Ipv4.format(network + id), userId, "Debian 12 (Bookworm)",
                        null, null, rate));
            }
            return this;
        }

        public Builder withoutServers() {
            servers.clear();
            return this;
        }

        public Seed build() {
            return new Seed(roles, users, subnets, os, profiles, servers);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
