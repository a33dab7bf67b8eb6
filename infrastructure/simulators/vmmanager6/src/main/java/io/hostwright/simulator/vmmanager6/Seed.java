package io.hostwright.simulator.vmmanager6;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated VMmanager 6 holds at start (and after {@code reset}): accounts, clusters with their nodes, OS
 * repositories and templates, presets and IPv4 pools. No hosts: they are made through the API. Read from JSON (the
 * field names of these records) or built in Java; {@link #demo()} is the laptop's.
 */
public record Seed(List<Account> accounts, List<Cluster> clusters, List<Repository> repositories, List<Os> os,
                   List<Preset> presets, List<IpPool> ipPools) {

    /** The resource {@link #demo()} reads. */
    public static final String DEMO_RESOURCE = "/io/hostwright/simulator/vmmanager6/demo-seed.json";
    public static final String ADMIN_EMAIL = "admin@vm6.local";
    public static final String ADMIN_PASSWORD = "vm6-admin-password";

    public Seed {
        accounts = copy(accounts);
        clusters = copy(clusters);
        repositories = copy(repositories);
        os = copy(os);
        presets = copy(presets);
        ipPools = copy(ipPools);
    }

    /** @param role {@code @admin} or {@code @user} */
    public record Account(long id, String email, String password, String role) {
    }

    /** @param capacity how many hosts the cluster holds at most (every state counts); null = no limit */
    public record Cluster(long id, String name, Integer capacity, List<Node> nodes) {
        public Cluster {
            nodes = copy(nodes);
        }
    }

    public record Node(long id, String name) {
    }

    public record Repository(long id, String name) {
    }

    public record Os(long id, String name, long repositoryId) {
    }

    public record Preset(long id, String name, int cpuNumber, long ramMib, long hddMib) {
    }

    /** {@code size} consecutive IPv4 addresses from {@code firstIp}, for hosts in the clusters named. */
    public record IpPool(long id, String name, List<Long> clusterIds, String firstIp, int size) {
        public IpPool {
            clusterIds = copy(clusterIds);
        }
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

    /** Starts from this seed, e.g. {@code Seed.demo().toBuilder().ipPool(...).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accounts.addAll(accounts);
        b.clusters.addAll(clusters);
        b.repositories.addAll(repositories);
        b.os.addAll(os);
        b.presets.addAll(presets);
        b.ipPools.addAll(ipPools);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adding an item with an id already there replaces it. */
    public static final class Builder {
        private final List<Account> accounts = new ArrayList<>();
        private final List<Cluster> clusters = new ArrayList<>();
        private final List<Repository> repositories = new ArrayList<>();
        private final List<Os> os = new ArrayList<>();
        private final List<Preset> presets = new ArrayList<>();
        private final List<IpPool> ipPools = new ArrayList<>();

        private Builder() {
        }

        public Builder account(Account account) {
            accounts.removeIf(a -> a.id() == account.id());
            accounts.add(account);
            return this;
        }

        public Builder cluster(Cluster cluster) {
            clusters.removeIf(c -> c.id() == cluster.id());
            clusters.add(cluster);
            return this;
        }

        public Builder repository(Repository repository) {
            repositories.removeIf(r -> r.id() == repository.id());
            repositories.add(repository);
            return this;
        }

        public Builder os(Os template) {
            os.removeIf(o -> o.id() == template.id());
            os.add(template);
            return this;
        }

        public Builder preset(Preset preset) {
            presets.removeIf(p -> p.id() == preset.id());
            presets.add(preset);
            return this;
        }

        public Builder ipPool(IpPool pool) {
            ipPools.removeIf(p -> p.id() == pool.id());
            ipPools.add(pool);
            return this;
        }

        public Seed build() {
            return new Seed(accounts, clusters, repositories, os, presets, ipPools);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
