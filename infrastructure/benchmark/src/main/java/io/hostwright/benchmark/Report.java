package io.hostwright.benchmark;

import io.hostwright.benchmark.coldstart.ColdStartBenchmark;
import io.hostwright.benchmark.coldstart.ColdStartRow;
import io.hostwright.benchmark.coldstart.JvmMode;
import io.hostwright.benchmark.coldstart.ProbeResult;
import io.hostwright.benchmark.orders.BatchResult;
import io.hostwright.benchmark.orders.OrderLoad;
import io.hostwright.benchmark.report.TextTable;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.hostwright.benchmark.report.TextTable.decimal;
import static io.hostwright.benchmark.report.TextTable.megabytes;
import static io.hostwright.benchmark.report.TextTable.ms;

/** The tables printed at the end of a run. */
final class Report {

    private Report() {
    }

    static String coldStarts(ColdStartBenchmark.Result result, int runs) {
        TextTable table = new TextTable("function", "jar", "JVM", "JVM start", "init", "1st invoke", "handler",
                "init+1st", "min-max", "process", "first answer");
        for (ColdStartRow row : result.rows()) {
            table.row(row.target(), megabytes(row.jarBytes()), row.mode().label(),
                    ms(row.median(ProbeResult::jvmToMainMs)),
                    ms(row.median(ProbeResult::initMs)),
                    ms(row.median(ProbeResult::firstInvokeMs)),
                    ms(row.median(ProbeResult::handleMs)),
                    ms(row.median(ProbeResult::initPlusFirstInvokeMs)),
                    ms(row.min(ProbeResult::initPlusFirstInvokeMs)) + "-" + ms(row.max(ProbeResult::initPlusFirstInvokeMs)),
                    ms(row.median(ProbeResult::processMs)),
                    row.answers() + (row.failures() > 0 ? " (" + row.failures() + " of " + row.runs().size() + " failed)" : ""));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nCOLD STARTS - fresh JVM per run, median of %d runs, ms (Java %s, %d cores)%n",
                runs, Runtime.version(), Runtime.getRuntime().availableProcessors()));
        out.append(table.render());
        out.append("""
                  JVM start   process start to the probe's main()
                  init        handler class loaded and initialised + public no-arg constructor (Lambda's init phase)
                  1st invoke  event deserialized with aws-lambda-java-serialization + handleRequest + answer serialized
                  handler     handleRequest alone; its SDK calls go to the local emulators
                  init+1st    init + 1st invoke: what a cold request waits beyond JVM start (min-max over the runs)
                  (a first round of JVMs is not counted: it warms the emulators, which run in this JVM)
                  process     whole JVM lifetime, spawn to exit
                  jar         the function jar; the bare handler's is the probe jar (Lambda's serialization library
                              inside), which every function's JVM also has on its classpath
                """);
        out.append("  JVM modes: default = no flags; ").append(JvmMode.C1.label()).append(" = JAVA_TOOL_OPTIONS=\"")
                .append(JvmMode.C1.javaToolOptions().orElseThrow()).append("\" (as the CDK sets it)\n");
        Set<String> events = new LinkedHashSet<>();
        for (ColdStartRow row : result.rows()) {
            events.add("    " + row.target() + " <- " + row.eventSource());
        }
        out.append("  sample events (each run gets a copy with a fresh Idempotency-Key / serviceId / message id):\n");
        events.forEach(line -> out.append(line).append('\n'));
        out.append("  products seeded: ").append(String.join(", ", result.seededProducts())).append('\n');
        return out.toString();
    }

    static String orders(OrderLoad.Result result) {
        TextTable table = new TextTable("phase", "orders", "202", "non-202", "no answer", "not sent", "wall s",
                "orders/s", "p50", "p90", "p99", "max");
        row(table, "warm-up", result.warmup());
        row(table, "measured", result.measured());

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nORDER ACCEPTANCE - POST /v1/orders through the laptop runtime in this JVM "
                        + "(%d concurrent clients, product %s, runtime started in %.1f s)%n",
                result.concurrency(), result.product(), result.runtimeStartup().toMillis() / 1000.0));
        out.append(table.render());
        out.append("  latency in ms, client side (send to last byte), over every answered request; orders/s counts 202s\n");
        out.append("  order-acceptance handler instances built: ").append(result.handlerInstances())
                .append(" (one per concurrent invocation, as Lambda would start execution environments)\n");
        for (BatchResult batch : new BatchResult[] {result.warmup(), result.measured()}) {
            if (!batch.otherStatuses().isEmpty() || batch.transportErrors() > 0) {
                out.append("  non-202 answers: ").append(batch.otherStatuses().entrySet().stream()
                        .map(e -> e.getValue() + " x HTTP " + e.getKey()).collect(Collectors.joining(", "))).append('\n');
                batch.examples().forEach(example -> out.append("    e.g. ").append(truncate(example, 300)).append('\n'));
            }
        }

        int accepted = result.measured().accepted();
        Set<String> operations = new TreeSet<>(result.callsAfterDrain().keySet());
        operations.addAll(result.callsDuringWindow().keySet());
        TextTable calls = new TextTable("operation", "in window", "per order", "incl. mail", "per order");
        for (String operation : operations) {
            long during = result.callsDuringWindow().getOrDefault(operation, 0L);
            long after = result.callsAfterDrain().getOrDefault(operation, 0L);
            calls.row(operation, during, perOrder(during, accepted), after, perOrder(after, accepted));
        }
        long totalDuring = total(result.callsDuringWindow());
        long totalAfter = total(result.callsAfterDrain());
        calls.row("total", totalDuring, perOrder(totalDuring, accepted), totalAfter, perOrder(totalAfter, accepted));
        out.append(String.format(Locale.ROOT, "%nAWS SDK CALLS BY THE FUNCTIONS per accepted order (%d accepted; AwsCallCounter)%n", accepted));
        out.append(calls.render());
        out.append("  in window:  calls made while the measured orders were placed; the mailer works off the mail queue\n"
                + "              at the same time, so some of its calls are in here too\n");
        out.append(String.format(Locale.ROOT, "  incl. mail: after the mail queue drained (%s in %.1f s): order acceptance plus the "
                        + "mail each order queues%n", result.drained() ? "drained" : "NOT drained",
                result.drainTime().toMillis() / 1000.0));
        return out.toString();
    }

    private static void row(TextTable table, String phase, BatchResult batch) {
        table.row(phase, batch.requested(), batch.accepted(), batch.nonAccepted(), batch.transportErrors(),
                batch.notSent(), decimal(batch.wallMs() / 1000.0, 1), decimal(batch.acceptedPerSecond(), 1),
                ms(batch.latency().p50()), ms(batch.latency().p90()), ms(batch.latency().p99()),
                ms(batch.latency().max()));
    }

    private static String perOrder(long calls, int accepted) {
        return accepted == 0 ? "-" : decimal((double) calls / accepted, 2);
    }

    private static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String truncate(String s, int max) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }
}
