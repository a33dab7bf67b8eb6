package io.hostwright.benchmark.coldstart;

import io.hostwright.benchmark.Options;
import io.hostwright.benchmark.RepositoryRoot;
import io.hostwright.domain.catalog.Product;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cold starts of every manifest function next to a bare handler, each in fresh JVMs against the emulators, in both
 * JVM modes. A first round is thrown away (it warms the emulators, which run in this JVM, and the page cache); the
 * counted runs are interleaved (run 1 of everything, then run 2 …) so a slow minute on the machine spreads over all
 * functions instead of landing on one.
 */
public final class ColdStartBenchmark {

    /** What the run measured, and against what. */
    public record Result(List<ColdStartRow> rows, List<String> seededProducts, Duration emulatorStartup,
                         Duration elapsed) {
    }

    private final RepositoryRoot root;
    private final Options options;
    private final PrintStream progress;

    public ColdStartBenchmark(RepositoryRoot root, Options options, PrintStream progress) {
        this.root = root;
        this.options = options;
        this.progress = progress;
    }

    public Result run() {
        long started = System.nanoTime();
        Path probeJar = root.builtJar(RepositoryRoot.PROBE_JAR);
        List<Product> demo = BenchmarkCatalog.demo(root.path());
        SampleEvents samples = new SampleEvents(root.path(),
                demo.isEmpty() ? BenchmarkCatalog.acceptingOrderOf("benchmark-vps", Optional.empty()) : demo.getFirst());

        List<ColdStartTarget> targets = new ArrayList<>();
        targets.add(ColdStartTarget.bare(probeJar, samples.forBareHandler()));
        for (FunctionSpec function : Manifest.FUNCTIONS) {
            targets.add(ColdStartTarget.of(function, root.builtJar(function.jarPath()), probeJar,
                    samples.forFunction(function)));
        }
        List<Product> products = BenchmarkCatalog.toSeed(demo, targets.stream().map(ColdStartTarget::event).toList());

        progress.println("cold starts: starting DynamoDB Local, ElasticMQ and the SES emulator...");
        try (LocalAws aws = LocalAws.start()) {
            DynamoDbCatalogRepository catalog = new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName());
            products.forEach(catalog::saveProduct);
            progress.printf(Locale.ROOT, "cold starts: emulators up in %.1f s, %d products seeded; %d JVMs to start%n",
                    aws.startupTime().toMillis() / 1000.0, products.size(),
                    (options.runs() + 1) * targets.size() * JvmMode.values().length);
            Path work = root.outputDirectory().resolve("coldstart");
            clean(work);
            ProbeLauncher launcher = new ProbeLauncher(aws, work, options.jvmTimeout(),
                    new PendingServices(aws, products.getFirst()));

            // one round not counted: the emulators' own JIT and the page cache would otherwise weigh on run 1 only
            progress.println("cold starts: one warm-up round, not counted");
            for (ColdStartTarget target : targets) {
                for (JvmMode mode : JvmMode.values()) {
                    ProbeResult warmup = launcher.launch(target, mode, 0);
                    if (!warmup.succeeded()) {
                        progress.println(progressLine(0, 0, warmup));
                    }
                }
            }

            Map<String, List<ProbeResult>> results = new LinkedHashMap<>();
            int total = options.runs() * targets.size() * JvmMode.values().length;
            int n = 0;
            for (int run = 1; run <= options.runs(); run++) {
                for (ColdStartTarget target : targets) {
                    for (JvmMode mode : JvmMode.values()) {
                        ProbeResult result = launcher.launch(target, mode, run);
                        results.computeIfAbsent(key(target, mode), k -> new ArrayList<>()).add(result);
                        progress.println(progressLine(++n, total, result));
                    }
                }
            }
            List<ColdStartRow> rows = new ArrayList<>();
            for (ColdStartTarget target : targets) {
                for (JvmMode mode : JvmMode.values()) {
                    rows.add(new ColdStartRow(target.name(), target.handler(),
                            root.path().relativize(target.jar()).toString(), size(target.jar()), mode,
                            target.event().source(), target.event().builtInCode(), results.get(key(target, mode))));
                }
            }
            return new Result(rows, products.stream().map(Product::productId).toList(), aws.startupTime(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String key(ColdStartTarget target, JvmMode mode) {
        return target.name() + "/" + mode;
    }

    private static String progressLine(int n, int total, ProbeResult r) {
        String head = String.format(Locale.ROOT, "  [%s] %-22s %-8s run %d: ",
                total == 0 ? "warm-up" : String.format(Locale.ROOT, "%2d/%d", n, total), r.target(), r.mode().label(), r.run());
        if (!r.succeeded()) {
            return head + "FAILED: " + r.error() + " (log: " + r.log() + ")";
        }
        return head + String.format(Locale.ROOT, "init %.0f ms, first invocation %.0f ms, process %.0f ms, %s",
                r.initMs(), r.firstInvokeMs(), r.processMs(), r.answer());
    }

    private static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path work) {
        for (String sub : List.of("events", "logs")) {
            Path dir = work.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + dir, e);
            }
        }
    }
}
