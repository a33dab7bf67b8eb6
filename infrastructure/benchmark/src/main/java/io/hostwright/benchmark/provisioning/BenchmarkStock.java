package io.hostwright.benchmark.provisioning;

import io.hostwright.simulator.tenantos.Seed;

import java.util.List;

/**
 * The simulator's stock for the provisioning phase: the demo seed's roles, admin, OS catalogue and profiles, but its
 * own servers, all tagged {@code forRent} + {@code bench} and owned by the admin (stock), and one subnet
 * ({@code 10.96.0.0/20}) holding their primary addresses and exactly the free addresses the orders need.
 */
public final class BenchmarkStock {

    public static final String TAG = "bench";
    public static final long SUBNET_ID = 30;
    static final String CIDR = "10.96.0.0/20";
    static final long FIRST_SERVER_ID = 2001;
    private static final long NETWORK = address("10.96.0.0");
    private static final long FIRST_PRIMARY = address("10.96.0.10");
    private static final long FIRST_FREE = address("10.96.8.0");
    private static final int SUBNET_SIZE = 1 << 12;

    private BenchmarkStock() {
    }

    /**
     * @param servers  servers to seed
     * @param freeIps  addresses the subnet can hand out besides the primaries
     */
    public static Seed seed(int servers, int freeIps) {
        if (servers < 1 || FIRST_PRIMARY - NETWORK + servers >= FIRST_FREE - NETWORK) {
            throw new IllegalArgumentException("the benchmark subnet holds 1.." + (FIRST_FREE - FIRST_PRIMARY) + " servers");
        }
        if (freeIps < 1 || FIRST_FREE - NETWORK + freeIps >= SUBNET_SIZE - 1) {
            throw new IllegalArgumentException("the benchmark subnet has 1.." + (SUBNET_SIZE - 2 - (FIRST_FREE - NETWORK))
                    + " free addresses");
        }
        Seed demo = Seed.demo();
        Seed.Builder b = Seed.builder();
        demo.roles().forEach(r -> b.role(r.id(), r.name()));
        demo.users().forEach(u -> b.user(u.id(), u.name(), u.username(), u.email(), u.password(), u.roleId()));
        demo.os().forEach(os -> b.os(os.id(), os.name()));
        demo.profiles().forEach(p -> b.profile(p.id(), p.name(), p.wipe(), p.tags().toArray(String[]::new)));
        b.subnet(SUBNET_ID, CIDR, format(NETWORK + 1), "public", format(FIRST_FREE) + "-" + format(FIRST_FREE + freeIps - 1));
        for (int i = 0; i < servers; i++) {
            long id = FIRST_SERVER_ID + i;
            b.server(id, "stock-" + id, "B" + (1 + i / 40) + "-U" + (1 + i % 40), List.of("forRent", TAG),
                    "Intel Xeon E-2388G", 65_536, format(FIRST_PRIMARY + i), 1L);
        }
        return b.build();
    }

    static long address(String dotted) {
        long value = 0;
        for (String part : dotted.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
