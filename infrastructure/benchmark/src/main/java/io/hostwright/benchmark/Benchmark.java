package io.hostwright.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hostwright.benchmark.catalog.CatalogSyncLoad;
import io.hostwright.benchmark.coldstart.ColdStartBenchmark;
import io.hostwright.benchmark.licences.LicenceRenewalLoad;
import io.hostwright.benchmark.lifecycle.LifecycleLoad;
import io.hostwright.benchmark.orders.OrderLoad;
import io.hostwright.benchmark.provisioning.ProvisioningLoad;
import io.hostwright.benchmark.provisioning.VpsProvisioningLoad;
import io.hostwright.benchmark.usage.UsagePollingLoad;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar infrastructure/benchmark/target/hostwright-benchmark.jar [--runs=5] [--orders=1000]
 * [--concurrency=8] [--warmup=40] [--provisioning-orders=100] [--provisioning-ipv4=2] [--servers=40]
 * [--connections=20] [--templates=200] [--products=200] [--usage-servers=10000] [--usage-connections=10]
 * [--vps-orders=100] [--licences=1000] [--licence-services=10000]
 * [--only=coldstart|orders|provisioning|lifecycle|catalog|usage|vps|licences]}, from the repository root after
 * {@code mvn -B -q package -DskipTests}.
 *
 * <p>Prints figures, judges nothing. Tables go to stdout, progress to stderr; what the functions, emulators and
 * runtime log goes to {@code infrastructure/benchmark/target/benchmark.log}, and every figure, run by run, to
 * {@code infrastructure/benchmark/target/benchmark-results.json}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        Options options;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                stdout.print(Options.USAGE);
                System.exit(0);
            }
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            RepositoryRoot root = RepositoryRoot.find();
            System.setProperty("hostwright.root", root.path().toString());
            Path log = root.outputDirectory().resolve("benchmark.log");
            try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                // the functions log JSON and metrics per invocation, and the emulators chatter: keep the terminal readable
                System.setOut(logStream);
                System.setErr(logStream);
                stderr.println("Hostwright benchmark in " + root.path() + " (logs: " + root.path().relativize(log) + ")");
                status = run(root, options, stdout, stderr);
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        } catch (RuntimeException | IOException e) {
            stderr.println("benchmark failed: " + e);
            e.printStackTrace(stderr);
            status = 1;
        }
        stdout.flush();
        // DynamoDB Local leaves non-daemon threads behind even when stopped
        System.exit(status);
    }

    private static int run(RepositoryRoot root, Options options, PrintStream stdout, PrintStream progress) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", Instant.now().toString());
        json.put("java", Runtime.version().toString());
        json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        json.put("options", options);
        long started = System.nanoTime();
        if (options.coldStarts()) {
            ColdStartBenchmark.Result coldStarts = new ColdStartBenchmark(root, options, progress).run();
            json.put("coldStarts", coldStarts);
            stdout.print(Report.coldStarts(coldStarts, options.runs()));
            stdout.flush();
        }
        if (options.orderLoad()) {
            OrderLoad.Result orders = new OrderLoad(options, progress).run();
            json.put("orders", orders);
            stdout.print(Report.orders(orders));
            stdout.flush();
        }
        if (options.provisioning()) {
            ProvisioningLoad.Result provisioning = new ProvisioningLoad(options, progress).run();
            json.put("provisioning", provisioning);
            stdout.print(Report.provisioning(provisioning));
            stdout.flush();
        }
        if (options.lifecycle()) {
            LifecycleLoad.Result lifecycle = new LifecycleLoad(options, progress).run();
            json.put("lifecycle", lifecycle);
            stdout.print(Report.lifecycle(lifecycle));
            stdout.flush();
        }
        if (options.catalog()) {
            CatalogSyncLoad.Result catalog = new CatalogSyncLoad(options, progress).run();
            json.put("catalog", catalog);
            stdout.print(Report.catalog(catalog));
            stdout.flush();
        }
        if (options.usage()) {
            UsagePollingLoad.Result usage = new UsagePollingLoad(options, progress).run();
            json.put("usage", usage);
            stdout.print(Report.usage(usage));
            stdout.flush();
        }
        if (options.vps()) {
            VpsProvisioningLoad.Result vps = new VpsProvisioningLoad(options, progress).run();
            json.put("vps", vps);
            stdout.print(Report.vps(vps));
            stdout.flush();
        }
        if (options.licences()) {
            LicenceRenewalLoad.Result licences = new LicenceRenewalLoad(options, progress).run();
            json.put("licences", licences);
            stdout.print(Report.licences(licences));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        json.put("elapsedSeconds", seconds);
        Path results = root.outputDirectory().resolve("benchmark-results.json");
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(results.toFile(), json);
        stdout.printf(Locale.ROOT, "%nfinished in %.0f s; every run's figures: %s%n", seconds, root.path().relativize(results));
        return 0;
    }
}
