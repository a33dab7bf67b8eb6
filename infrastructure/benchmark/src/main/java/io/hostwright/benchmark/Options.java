package io.hostwright.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * What to run. Defaults finish in about five minutes on two cores, plus a little over a minute for the lifecycle phase,
 * and about a minute and a half each for the vps and licences phases.
 *
 * @param runs               fresh JVMs per function and JVM mode; the median is printed
 * @param orders             orders placed in the measured window
 * @param concurrency        HTTP clients sending requests at once (order acceptance, provisioning and lifecycle)
 * @param warmup             orders placed (at the same concurrency) before the measured window, reported apart
 * @param provisioningOrders TenantOS orders provisioned end to end in the provisioning phase
 * @param provisioningIpv4   IPv4 addresses each of them orders (the server's primary, the rest from the subnet)
 * @param lifecycleServers   servers provisioned for the lifecycle phase, then suspended, unsuspended, reinstalled
 *                           and terminated
 * @param syncConnections    connections the catalog phase syncs
 * @param syncTemplates      OS templates each of them offers
 * @param catalogProducts    products the catalog phase reads the public catalog with
 * @param usageServers       servers the usage phase polls
 * @param usageConnections   connections (TenantOS installations) they are spread across
 * @param vpsOrders          VPS orders provisioned end to end on the VMmanager 6 simulator in the vps phase
 * @param poolLicences       licences in the pool the licences phase renews (on the BILLmanager simulator)
 * @param licenceServices    live services stored for the licences phase (those holding a licence among them)
 * @param jvmTimeout         longest a cold-start JVM may live before it is killed and counted as failed
 * @param loadTimeout        longest the measured window may last; orders not placed by then are reported as not sent
 */
public record Options(int runs, int orders, int concurrency, int warmup, int provisioningOrders,
                      int provisioningIpv4, int lifecycleServers, int syncConnections, int syncTemplates,
                      int catalogProducts, int usageServers, int usageConnections, int vpsOrders,
                      int poolLicences, int licenceServices,
                      boolean coldStarts, boolean orderLoad, boolean provisioning, boolean lifecycle, boolean catalog,
                      boolean usage, boolean vps, boolean licences, Duration jvmTimeout, Duration loadTimeout) {

    /** The phases, in the order a run without {@code --only} runs them all. */
    public static final List<String> PHASES = List.of("coldstart", "orders", "provisioning", "lifecycle", "catalog",
            "usage", "vps", "licences");

    public static final String USAGE = """
            usage: java -jar infrastructure/benchmark/target/hostwright-benchmark.jar [options]
              --runs=N          cold-start JVMs per function and JVM mode, median printed (default 5)
              --orders=N        orders in the measured window (default 1000)
              --concurrency=N   concurrent HTTP clients placing orders or lifecycle requests (default 8)
              --warmup=N        warm-up orders before the window, reported apart (default 40)
              --provisioning-orders=N
                                TenantOS orders provisioned end to end against the simulator (default 100)
              --provisioning-ipv4=N
                                IPv4 addresses per such order, 1..4: the server's primary, the rest assigned
                                from the subnet by the set-ips step (default 2)
              --servers=N       servers provisioned for the lifecycle phase, each then suspended, unsuspended,
                                asked for its info and powered off and on, reinstalled and terminated (default 40)
              --connections=N   connections the catalog phase syncs (default 20)
              --templates=N     OS templates each of them offers (default 200)
              --products=N      products in the catalog the catalog phase reads (default 200)
              --usage-servers=N servers the usage phase polls every cycle (default 10000)
              --usage-connections=N
                                TenantOS installations they are spread across (default 10)
              --vps-orders=N    VPS orders provisioned end to end against the VMmanager 6 simulator (default 100)
              --licences=N      licences in the pool the daily renewal runs over, on the BILLmanager simulator
                                (default 1000)
              --licence-services=N
                                live services stored beside them, those holding the licences among them
                                (default 10000)
              --only=PHASE      one phase only: coldstart, orders, provisioning, lifecycle, catalog, usage, vps or
                                licences
              --help            this text
            Run from the repository root after: mvn -B -q package -DskipTests
            """;

    public Options {
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs must be 1..50");
        }
        if (orders < 1 || orders > 100_000) {
            throw new IllegalArgumentException("--orders must be 1..100000");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be 1..64 (the gateway has 32 threads)");
        }
        if (warmup < 0 || warmup > 10_000) {
            throw new IllegalArgumentException("--warmup must be 0..10000");
        }
        if (provisioningOrders < 1 || provisioningOrders > 1000) {
            throw new IllegalArgumentException("--provisioning-orders must be 1..1000");
        }
        if (provisioningIpv4 < 1 || provisioningIpv4 > 4) {
            throw new IllegalArgumentException("--provisioning-ipv4 must be 1..4 (the product's range)");
        }
        if (lifecycleServers < 1 || lifecycleServers > 1000) {
            throw new IllegalArgumentException("--servers must be 1..1000");
        }
        if (syncConnections < 1 || syncConnections > 500) {
            throw new IllegalArgumentException("--connections must be 1..500");
        }
        if (syncTemplates < 10 || syncTemplates > 5000) {
            throw new IllegalArgumentException("--templates must be 10..5000");
        }
        if (catalogProducts < 1 || catalogProducts > 5000) {
            throw new IllegalArgumentException("--products must be 1..5000");
        }
        if (usageConnections < 1 || usageConnections > 100) {
            throw new IllegalArgumentException("--usage-connections must be 1..100");
        }
        if (usageServers < usageConnections || usageServers > 100_000) {
            throw new IllegalArgumentException("--usage-servers must be from --usage-connections to 100000");
        }
        if (vpsOrders < 1 || vpsOrders > 1000) {
            throw new IllegalArgumentException("--vps-orders must be 1..1000");
        }
        if (poolLicences < 10 || poolLicences > 20_000) {
            throw new IllegalArgumentException("--licences must be 10..20000");
        }
        if (licenceServices < poolLicences || licenceServices > 100_000) {
            throw new IllegalArgumentException("--licence-services must be from --licences to 100000 (every held "
                    + "licence needs its service)");
        }
    }

    public static Options defaults() {
        return new Options(5, 1000, 8, 40, 100, 2, 40, 20, 200, 200, 10_000, 10, 100, 1000, 10_000, true, true, true,
                true, true, true, true, true, Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public static Options parse(String[] args) {
        Options o = defaults();
        int runs = o.runs, orders = o.orders, concurrency = o.concurrency, warmup = o.warmup;
        int provisioningOrders = o.provisioningOrders, provisioningIpv4 = o.provisioningIpv4;
        int lifecycleServers = o.lifecycleServers;
        int syncConnections = o.syncConnections, syncTemplates = o.syncTemplates, catalogProducts = o.catalogProducts;
        int usageServers = o.usageServers, usageConnections = o.usageConnections;
        int vpsOrders = o.vpsOrders;
        int poolLicences = o.poolLicences, licenceServices = o.licenceServices;
        String only = null;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--runs" -> runs = number(name, value);
                case "--orders" -> orders = number(name, value);
                case "--concurrency" -> concurrency = number(name, value);
                case "--warmup" -> warmup = number(name, value);
                case "--provisioning-orders" -> provisioningOrders = number(name, value);
                case "--provisioning-ipv4" -> provisioningIpv4 = number(name, value);
                case "--servers" -> lifecycleServers = number(name, value);
                case "--connections" -> syncConnections = number(name, value);
                case "--templates" -> syncTemplates = number(name, value);
                case "--products" -> catalogProducts = number(name, value);
                case "--usage-servers" -> usageServers = number(name, value);
                case "--usage-connections" -> usageConnections = number(name, value);
                case "--vps-orders" -> vpsOrders = number(name, value);
                case "--licences" -> poolLicences = number(name, value);
                case "--licence-services" -> licenceServices = number(name, value);
                case "--only" -> {
                    if (!PHASES.contains(value)) {
                        throw new IllegalArgumentException("--only is one of " + PHASES + ", not \""
                                + value + "\"");
                    }
                    only = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(runs, orders, concurrency, warmup, provisioningOrders, provisioningIpv4, lifecycleServers,
                syncConnections, syncTemplates, catalogProducts, usageServers, usageConnections, vpsOrders,
                poolLicences, licenceServices, only == null || only.equals("coldstart"), only == null || only.equals("orders"),
                only == null || only.equals("provisioning"), only == null || only.equals("lifecycle"),
                only == null || only.equals("catalog"), only == null || only.equals("usage"),
                only == null || only.equals("vps"), only == null || only.equals("licences"), o.jvmTimeout,
                o.loadTimeout);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, e.g. " + name + "=5");
        }
    }
}
