package io.hostwright.benchmark;

import io.hostwright.benchmark.catalog.CatalogSyncLoad;
import io.hostwright.benchmark.coldstart.ColdStartBenchmark;
import io.hostwright.benchmark.coldstart.ColdStartRow;
import io.hostwright.benchmark.coldstart.JvmMode;
import io.hostwright.benchmark.coldstart.ProbeResult;
import io.hostwright.benchmark.licences.LicenceRenewalLoad;
import io.hostwright.benchmark.lifecycle.LifecycleFigures;
import io.hostwright.benchmark.lifecycle.LifecycleLoad;
import io.hostwright.benchmark.orders.BatchResult;
import io.hostwright.benchmark.orders.OrderLoad;
import io.hostwright.benchmark.provisioning.BenchmarkStock;
import io.hostwright.benchmark.provisioning.ProvisioningLoad;
import io.hostwright.benchmark.provisioning.VpsProvisioningLoad;
import io.hostwright.benchmark.report.TextTable;
import io.hostwright.benchmark.usage.UsageCost;
import io.hostwright.benchmark.usage.UsagePollingLoad;
import io.hostwright.manifest.Manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
        out.append("  sample events (each run gets a copy with a fresh Idempotency-Key / serviceId / message id; a provisioning\n"
                + "  begin message's service is written PENDING first, as order acceptance leaves it):\n");
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

    static String provisioning(ProvisioningLoad.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nPROVISIONING - %d TenantOS orders end to end through the laptop runtime "
                        + "(%d concurrent clients, a new customer per order, %d IPv4 each; runtime started in %.1f s)%n",
                r.requested(), r.concurrency(), r.ipv4(), r.runtimeStartup().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  simulator: %d servers tagged forRent+%s, one subnet with %d free addresses, "
                        + "%d ms added to every API call, installs take %.1f s%n", r.servers(), BenchmarkStock.TAG,
                r.freeIps(), r.latencyMs(), r.installMs() / 1000.0));
        out.append(String.format(Locale.ROOT, "  install status polled every %.1f s (an SQS delay: whole seconds, so 1 s); "
                        + "the provisioning queue runs at most %d batches of %d at once%n", r.pollIntervalMs() / 1000.0,
                r.provisioningMaxConcurrency(), r.provisioningBatchSize()));
        out.append(String.format(Locale.ROOT, "  warm-up, not counted: %d orders, %d ACTIVE, in %.1f s%n",
                r.warmupOrders(), r.warmupActive(), r.warmupSeconds()));
        int notAccepted = r.requested() - r.accepted();
        out.append(String.format(Locale.ROOT, "  outcome: %d ACTIVE, %d FAILED, %d waiting for stock, %d still provisioning, "
                        + "%d not accepted (of %d ordered)%n", r.active(), r.failed(), r.waitingForStock(),
                r.stillProvisioning(), notAccepted, r.requested()));
        settling(out, r.placeSeconds(), r.settled(), r.settleSeconds(), r.drained());
        refusalsAndFailures(out, r.otherAnswers(), r.answerExamples(), r.failureReasons());

        out.append('\n').append(milestoneTable(r.milestones()));
        out.append("  ms, from the moment the client had the 202; a step's updatedAt is when its outcome was recorded,\n"
                + "  just after the TenantOS call (the simulator logs a call when it has answered it, latency included)\n");

        out.append('\n').append(stepTable(r.steps()));
        out.append("  ms from the previous step's end (the 202 for the first) to this step's end: queue hop, the step's\n"
                + "  DynamoDB and TenantOS calls, and for await-install the install itself and the polls (one per attempt)\n");

        int servers = r.active();
        out.append(String.format(Locale.ROOT, "%nAWS SDK CALLS BY THE FUNCTIONS per provisioned server (%d ACTIVE; AwsCallCounter "
                + "from the first order until the queues were empty)%n", servers));
        awsCallsTable(out, r.awsCalls(), r.awsCallsByFunction(), r.byFunctionInstalled(), servers, "server");
        out.append("  the mailer sends what the steps queue (provisioning, account created, server ready) and the order's mail\n");
        if (r.failed() + r.stillProvisioning() + r.waitingForStock() > 0) {
            out.append("  per server, here and below = all calls / ACTIVE services: the calls made for services that did not\n"
                    + "  get there are in the numerators too\n");
        }

        out.append(String.format(Locale.ROOT, "%nTENANTOS API CALLS per provisioned server (%d ACTIVE; the simulator's call log, "
                + "same window)%n", servers));
        out.append(backendCallsTable("TenantOS call", r.backendCalls(), servers, "server"));
        out.append("  provisioning handler instances built: ").append(r.provisioningInstances()).append('\n');
        return out.toString();
    }

    /** From the 202 to each milestone: n, p50, p90, p99 and max. */
    private static String milestoneTable(List<ProvisioningLoad.Milestone> milestones) {
        TextTable table = new TextTable("from the 202 to", "read from", "n", "p50", "p90", "p99", "max");
        for (ProvisioningLoad.Milestone m : milestones) {
            table.row(m.name(), m.source(), m.ms().count(), ms(m.ms().p50()), ms(m.ms().p90()), ms(m.ms().p99()),
                    ms(m.ms().max()));
        }
        return table.render();
    }

    /** Per provisioning step of the ACTIVE services: time since the previous step and attempts. */
    private static String stepTable(List<ProvisioningLoad.StepFigures> steps) {
        TextTable table = new TextTable("step (ACTIVE services)", "p50", "p90", "max", "attempts mean", "max");
        for (ProvisioningLoad.StepFigures step : steps) {
            table.row(step.step(), ms(step.sincePreviousMs().p50()), ms(step.sincePreviousMs().p90()),
                    ms(step.sincePreviousMs().max()), decimal(step.meanAttempts(), 2), step.maxAttempts());
        }
        return table.render();
    }

    /**
     * AWS calls by operation, in all and per {@code unit} ({@code n} of them), split by function when the interceptor
     * was there; then whether the split adds up.
     */
    private static void awsCallsTable(StringBuilder out, Map<String, Long> awsCalls,
                                      Map<String, Map<String, Long>> byFunction, boolean byFunctionInstalled, int n,
                                      String unit) {
        List<String> functions = byFunctionInstalled
                ? byFunction.keySet().stream().sorted(Comparator.comparingInt(Report::manifestOrder)).toList()
                : List.of();
        List<String> headers = new ArrayList<>(List.of("operation", "calls", "per " + unit));
        functions.forEach(f -> headers.add(f));
        TextTable aws = new TextTable(headers.toArray(String[]::new));
        Set<String> operations = new TreeSet<>(awsCalls.keySet());
        List<String> mismatches = new ArrayList<>();
        for (String operation : operations) {
            long calls = awsCalls.get(operation);
            List<Object> row = new ArrayList<>(List.of(operation, calls, perOrder(calls, n)));
            long split = 0;
            for (String function : functions) {
                long c = byFunction.get(function).getOrDefault(operation, 0L);
                split += c;
                row.add(c == 0 ? "" : perOrder(c, n));
            }
            if (!functions.isEmpty() && split != calls) {
                mismatches.add(operation + " " + split + " vs " + calls);
            }
            aws.row(row.toArray());
        }
        long total = total(awsCalls);
        List<Object> totalRow = new ArrayList<>(List.of("total", total, perOrder(total, n)));
        for (String function : functions) {
            totalRow.add(perOrder(total(byFunction.get(function)), n));
        }
        aws.row(totalRow.toArray());
        out.append(aws.render());
        if (functions.isEmpty()) {
            out.append("  (no split by function: the benchmark's SDK interceptor was not loaded)\n");
        } else {
            out.append("  per function: the same calls per " + unit + ", split by the runtime thread that made them (API functions\n"
                    + "  on the gateway's, told apart by the handler on its stack; queue consumers on their poller's);\n  ")
                    .append(mismatches.isEmpty() ? "per operation they add up to AwsCallCounter's count"
                            : "they differ from AwsCallCounter for " + String.join(", ", mismatches))
                    .append('\n');
        }
    }

    /** A back-end's calls by route, in all and per {@code unit} ({@code n} of them), and those not 2xx. */
    private static String backendCallsTable(String header, List<ProvisioningLoad.BackendCalls> calls, int n,
                                            String unit) {
        TextTable backend = new TextTable(header, "calls", "per " + unit, "not 2xx");
        long backendTotal = 0;
        long backendErrors = 0;
        for (ProvisioningLoad.BackendCalls call : calls) {
            backend.row(call.route(), call.calls(), perOrder(call.calls(), n), call.errors());
            backendTotal += call.calls();
            backendErrors += call.errors();
        }
        backend.row("total", backendTotal, perOrder(backendTotal, n), backendErrors);
        return backend.render();
    }

    static String catalog(CatalogSyncLoad.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nCATALOG - the OS-template and stock sync of %d connections x %d templates "
                        + "on DynamoDB Local, the TenantOS simulator adding %d ms to every call; %d products%n",
                r.connections(), r.templates(), r.latencyMs(), r.products()));
        TextTable rounds = new TextTable("round (one run per connection)", "runs", "failed", "run p50", "p90", "max",
                "added", "updated", "removed", "unchanged", "DynamoDB writes per run", "template writes per change");
        for (CatalogSyncLoad.Round round : r.rounds()) {
            double templateWrites = round.writesPerRun().getOrDefault("TEMPLATE", 0.0);
            rounds.row(round.name(), round.runs(), round.failed(), TextTable.ms(round.runMillis().p50()),
                    TextTable.ms(round.runMillis().p90()), TextTable.ms(round.runMillis().max()),
                    String.format(Locale.ROOT, "%.1f", round.addedPerRun()),
                    String.format(Locale.ROOT, "%.1f", round.updatedPerRun()),
                    String.format(Locale.ROOT, "%.1f", round.removedPerRun()),
                    String.format(Locale.ROOT, "%.1f", round.unchangedPerRun()),
                    round.writesPerRun().entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue()))
                            .collect(Collectors.joining(", ")),
                    round.changedPerRun() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f", templateWrites / round.changedPerRun()));
        }
        out.append(rounds.render());
        out.append(String.format(Locale.ROOT, "  the hourly round as the queue runs it (%d connections at a time): %.1f s "
                + "for all %d%n", r.fanOutConcurrency(), r.fanOutSeconds(), r.connections()));
        out.append(String.format(Locale.ROOT, "  public catalog read (%d products, their offered templates and stock): "
                        + "p50 %s, p90 %s, p99 %s; %.1f DynamoDB calls per read; %d templates offered per product%n",
                r.products(), TextTable.ms(r.catalogReadMillis().p50()), TextTable.ms(r.catalogReadMillis().p90()),
                TextTable.ms(r.catalogReadMillis().p99()), r.dynamoCallsPerRead(), r.offeredPerProduct()));
        return out.toString();
    }

    static String usage(UsagePollingLoad.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nUSAGE - bandwidth polling of %,d servers across %d TenantOS installations "
                        + "through the laptop runtime; the simulators add %d ms to every call%n", r.servers(),
                r.connections(), r.latencyMs()));
        out.append(String.format(Locale.ROOT, "  %d services per message, %d lanes per connection, the poller at most %d "
                + "at once; the clock moves 5 minutes per cycle (one new window per server); services stored first in "
                + "%.0f s (not measured)%n", r.batch(), r.lanesPerConnection(), r.maxConcurrency(), r.prepareSeconds()));
        TextTable cycles = new TextTable("cycle", "wall time", "messages", "failed reads", "message p50", "p99",
                "TenantOS calls / server", "AWS calls / server", "DynamoDB writes / server", "read units / server",
                "write units / server");
        for (UsagePollingLoad.Cycle c : r.cycles()) {
            cycles.row(c.name(), String.format(Locale.ROOT, "%.1f s", c.seconds()), c.messages(), c.failedServers(),
                    ms(c.handlerMillis().p50()), ms(c.handlerMillis().p99()), decimal(c.tenantOsCallsPerServer(), 2),
                    decimal(c.awsCallsPerServerTotal(), 2), c.writesPerServer().entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                            .collect(Collectors.joining(", ")),
                    decimal(c.readUnitsPerServer(), 2), decimal(c.writeUnitsPerServer(), 2));
        }
        out.append(cycles.render());
        UsagePollingLoad.Cycle steady = r.cycles().get(1);
        out.append("  AWS calls per server in a steady cycle: ").append(steady.awsCallsPerServer().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue()))
                .collect(Collectors.joining(", "))).append('\n');
        out.append(String.format(Locale.ROOT, "%n  what polling %,d servers costs a month (%,d cycles), at these list prices:%n",
                r.servers(), UsageCost.CYCLES_PER_MONTH));
        TextTable bill = new TextTable("item", "list price", "quantity a month", "USD a month", "from");
        for (UsageCost.Line line : r.monthly().lines()) {
            bill.row(line.price().item(), String.format(Locale.ROOT, "$%s %s", plain(line.price().usd()),
                    line.price().unit()), String.format(Locale.ROOT, "%,.2f", line.quantity()),
                    String.format(Locale.ROOT, "%,.2f", line.usd()), line.basis());
        }
        out.append(bill.render());
        out.append(String.format(Locale.ROOT, "  total: $%,.2f a month, $%.4f per server%n", r.monthly().totalUsd(),
                r.monthly().perServerUsd()));
        return out.toString();
    }

    static String vps(VpsProvisioningLoad.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nVPS - %d VMmanager 6 orders end to end through the laptop runtime (%d concurrent "
                        + "clients, a new customer per order, %d IPv4 each; runtime started in %.1f s)%n",
                r.requested(), r.concurrency(), r.ipv4(), r.runtimeStartup().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  simulator: the demo seed plus pool %d of %d addresses on cluster 1, %d ms added to "
                        + "every API call, tasks (host_create among them) take %.1f s%n", VpsProvisioningLoad.POOL_ID,
                r.poolSize(), r.latencyMs(), r.taskMs() / 1000.0));
        out.append(String.format(Locale.ROOT, "  create task polled every %.1f s; the provisioning queue runs at most %d batches of "
                + "%d at once%n", r.pollIntervalMs() / 1000.0, r.provisioningMaxConcurrency(), r.provisioningBatchSize()));
        out.append(String.format(Locale.ROOT, "  warm-up, not counted: %d orders, %d ACTIVE, in %.1f s%n",
                r.warmupOrders(), r.warmupActive(), r.warmupSeconds()));
        int notAccepted = r.requested() - r.accepted();
        out.append(String.format(Locale.ROOT, "  outcome: %d ACTIVE, %d FAILED, %d waiting for addresses or room, %d still "
                        + "provisioning, %d not accepted (of %d ordered)%n", r.active(), r.failed(), r.waitingForRoom(),
                r.stillProvisioning(), notAccepted, r.requested()));
        settling(out, r.placeSeconds(), r.settled(), r.settleSeconds(), r.drained());
        out.append(String.format(Locale.ROOT, "  on the simulator: %d hosts and %d accounts for the %d accepted orders%n",
                r.hosts(), r.accounts(), r.accepted()));
        refusalsAndFailures(out, r.otherAnswers(), r.answerExamples(), r.failureReasons());

        out.append('\n').append(milestoneTable(r.milestones()));
        out.append("  ms, from the moment the client had the 202; a step's updatedAt is when its outcome was recorded;\n"
                + "  the simulator's task times are its own clock's (this JVM's)\n");

        out.append('\n').append(stepTable(r.steps()));
        out.append("  ms from the previous step's end (the 202 for the first) to this step's end: queue hop, the step's\n"
                + "  DynamoDB and VMmanager calls, and for await-host the rest of the create task and the polls (one per attempt)\n");

        int vps = r.active();
        out.append(String.format(Locale.ROOT, "%nAWS SDK CALLS BY THE FUNCTIONS per VPS (%d ACTIVE; AwsCallCounter from the first "
                + "order until the queues were empty)%n", vps));
        awsCallsTable(out, r.awsCalls(), r.awsCallsByFunction(), r.byFunctionInstalled(), vps, "VPS");
        out.append("  the mailer sends what the steps queue (provisioning, server ready) and the order's mail\n");
        if (r.failed() + r.stillProvisioning() + r.waitingForRoom() > 0) {
            out.append("  per VPS, here and below = all calls / ACTIVE services: the calls made for services that did not\n"
                    + "  get there are in the numerators too\n");
        }

        out.append(String.format(Locale.ROOT, "%nVMMANAGER 6 API CALLS per VPS (%d ACTIVE; the simulator's call log, same window, "
                + "by route)%n", vps));
        out.append(backendCallsTable("VMmanager call", r.backendCalls(), vps, "VPS"));
        if (r.callLogFull()) {
            out.append(String.format(Locale.ROOT, "  the call log was FULL (it keeps the last %,d calls): the counts are too low%n",
                    VpsProvisioningLoad.CALL_LOG_CAPACITY));
        }
        out.append("  provisioning handler instances built: ").append(r.provisioningInstances()).append('\n');
        return out.toString();
    }

    static String licences(LicenceRenewalLoad.Result r) {
        LicenceRenewalLoad.Pool pool = r.pool();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nLICENCES - the daily licence-renewal run over %,d licences (%,d held by services, "
                        + "%,d free) beside %,d live services, through the laptop runtime; the BILLmanager simulator adds %d ms "
                        + "to every call (assumed)%n", pool.licences(), pool.held(), pool.free(), pool.services(),
                r.latencyMs()));
        out.append(String.format(Locale.ROOT, "  running out within the %d-day lead time: %d held (%d of them of suspended "
                        + "services, %d paid only until before) and %d free; %d to renew; pool, services and licence records "
                        + "stored first in %.0f s (not measured)%n", r.leadDays(), pool.expiring(),
                pool.expiringSuspended(), pool.expiringUnpaid(), pool.expiringFree(), pool.renewable(),
                r.prepareSeconds()));
        TextTable runs = new TextTable("run", "wall time", "renewed", "not renewed: suspended", "unpaid",
                "free", "failed", "BILLmanager calls", "latency share", "AWS calls", "read units", "write units");
        for (LicenceRenewalLoad.Run run : r.runs()) {
            runs.row(run.name(), String.format(Locale.ROOT, "%.1f s", run.seconds()), run.renewed(), run.suspended(),
                    run.unpaid(), run.freeExpiring(), run.failed(), run.billManagerTotal(),
                    String.format(Locale.ROOT, "%.1f s", run.billManagerTotal() * r.latencyMs() / 1000.0),
                    run.awsTotal(), decimal(run.readUnits(), 1), decimal(run.writeUnits(), 1));
        }
        out.append(runs.render());
        out.append("  latency share: BILLmanager calls x the added latency, the part of the wall time the licence server's\n"
                + "  distance alone accounts for\n");
        for (LicenceRenewalLoad.Run run : r.runs()) {
            out.append("  ").append(run.name()).append(":\n");
            out.append("    AWS calls: ").append(counts(run.awsCalls())).append('\n');
            out.append("    BILLmanager calls: ").append(counts(run.billManagerCalls())).append('\n');
            out.append("    DynamoDB writes by item kind: ").append(run.writesByKind().isEmpty() ? "none"
                    : counts(run.writesByKind())).append('\n');
            run.failures().stream().limit(5).forEach(f -> out.append("    failed: ").append(truncate(f, 200))
                    .append('\n'));
        }
        int renewed = r.runs().stream().mapToInt(LicenceRenewalLoad.Run::renewed).sum();
        out.append(String.format(Locale.ROOT, "  on the simulator afterwards: %d licences run longer than before, for %d "
                + "renewals over both runs%s%n", r.movedUpstream(), renewed,
                r.movedUpstream() == renewed ? " (none renewed twice)" : " - THEY DIFFER"));
        return out.toString();
    }

    private static String counts(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String plain(double usd) {
        return new java.math.BigDecimal(Double.toString(usd)).stripTrailingZeros().toPlainString();
    }

    /** How long placing took, whether every service settled and the queues emptied. */
    private static void settling(StringBuilder out, double placeSeconds, boolean settled, double settleSeconds,
                                 boolean drained) {
        out.append(String.format(Locale.ROOT, "  orders placed in %.1f s; %s %.1f s after the first order was sent; "
                        + "queues %s%n", placeSeconds,
                settled ? "the last service settled (ACTIVE or FAILED)" : "NOT all settled when the watch gave up",
                settleSeconds, drained ? "empty afterwards" : "NOT empty within a minute afterwards"));
    }

    /** Orders not accepted (by answer, with examples) and services that failed (by reason). */
    private static void refusalsAndFailures(StringBuilder out, Map<Integer, Integer> otherAnswers,
                                            List<String> answerExamples, Map<String, Integer> failureReasons) {
        if (!otherAnswers.isEmpty()) {
            out.append("  not accepted: ").append(otherAnswers.entrySet().stream()
                    .map(e -> e.getValue() + " x " + (e.getKey() == 0 ? "no answer" : "HTTP " + e.getKey()))
                    .collect(Collectors.joining(", "))).append('\n');
            answerExamples.forEach(e -> out.append("    e.g. ").append(truncate(e, 300)).append('\n'));
        }
        failureReasons.forEach((reason, n) -> out.append("  FAILED ").append(n).append(" x: ")
                .append(truncate(reason, 200)).append('\n'));
    }

    static String lifecycle(LifecycleLoad.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nLIFECYCLE - %d servers suspended, unsuspended, asked for their info, powered off and on, "
                        + "reinstalled and terminated through the laptop runtime (%d concurrent clients; runtime started in %.1f s)%n",
                r.servers(), r.concurrency(), r.runtimeStartup().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  simulator: %d servers tagged forRent+%s, %d IPv4 per order, %d ms added to every "
                        + "API call, installs and reinstalls take %.1f s, disk wipes %.1f s%n", r.stockServers(),
                BenchmarkStock.TAG, r.ipv4(), r.latencyMs(), r.installMs() / 1000.0, r.wipeMs() / 1000.0));
        out.append(String.format(Locale.ROOT, "  reinstall and wipe status polled every %.1f s (an SQS delay: whole seconds, so 1 s); "
                        + "the lifecycle queue runs at most %d batches of %d at once%n", r.pollIntervalMs() / 1000.0,
                r.lifecycleMaxConcurrency(), r.lifecycleBatchSize()));
        out.append("  product: ports down and power off on suspension; power off, rename, release IPs, wipe (profile 90) and\n"
                + "  user removal on termination; reinstall switches Debian 12 to Ubuntu 24.04\n");
        out.append(String.format(Locale.ROOT, "  provisioned first, not measured: %d of %d ACTIVE in %.1f s%n", r.provisioned(),
                r.ordered(), r.provisionSeconds()));
        r.notProvisioned().forEach((reason, n) -> out.append("    not ACTIVE ").append(n).append(" x: ")
                .append(truncate(reason, 200)).append('\n'));
        out.append(String.format(Locale.ROOT, "  warm-up, not counted: %d servers through every stage in %.1f s%s%n",
                r.warmupServers(), r.warmupSeconds(), r.warmupProblems().isEmpty() ? "" : "; problems:"));
        r.warmupProblems().forEach((stage, problem) -> out.append("    ").append(stage).append(": ")
                .append(truncate(problem, 300)).append('\n'));
        out.append("  one stage at a time, each for every server at once (requests sent by the clients), in the order below\n");

        List<LifecycleLoad.StageFigures> operations = r.stages().stream().filter(LifecycleLoad.StageFigures::operation).toList();
        List<LifecycleLoad.StageFigures> client = r.stages().stream().filter(s -> !s.operation()).toList();

        TextTable ops = new TextTable("operation", "sent", "202", "not 202", "SUCCEEDED", "FAILED", "NEEDS_ATT.",
                "not ended", "202 p50", "p99", "202->end p50", "p99", "max", "stage s");
        for (LifecycleLoad.StageFigures s : operations) {
            ops.row(s.stage(), s.requests(), s.ok(), s.requests() - s.ok(), s.outcome("SUCCEEDED"), s.outcome("FAILED"),
                    s.outcome("NEEDS_ATTENTION"), s.outcome(LifecycleFigures.NOT_ENDED), ms(s.requestMs().p50()),
                    ms(s.requestMs().p99()), ms(s.toEndedMs().p50()), ms(s.toEndedMs().p99()), ms(s.toEndedMs().max()),
                    decimal(s.wallSeconds(), 1));
        }
        out.append('\n').append(ops.render());
        out.append("  ms; 202: client-side latency of the request (send to last byte), over the 202s; 202->end: from the 202 in\n"
                + "  the client's hands to the operation's updatedAt as it ended (SUCCEEDED, FAILED or NEEDS_ATTENTION)\n"
                + "  stage s: first request sent to the last operation ended\n");
        for (LifecycleLoad.StageFigures s : r.stages()) {
            if (!s.otherAnswers().isEmpty()) {
                out.append("  ").append(s.stage()).append(" not answered as expected: ").append(s.otherAnswers().entrySet()
                        .stream().map(e -> e.getValue() + " x " + (e.getKey() == 0 ? "no answer" : "HTTP " + e.getKey()))
                        .collect(Collectors.joining(", "))).append('\n');
                s.answerExamples().forEach(e -> out.append("    e.g. ").append(truncate(e, 300)).append('\n'));
            }
            s.failureDetails().forEach((detail, n) -> out.append("  ").append(s.stage()).append(" ").append(n)
                    .append(" x ").append(truncate(detail, 300)).append('\n'));
            if (s.operation() && s.readFailures() > 0) {
                out.append("  ").append(s.stage()).append(": ").append(s.readFailures())
                        .append(" operations not readable through GET .../operations/{id} afterwards (no step figures)\n");
            }
            if (!s.drained()) {
                out.append("  ").append(s.stage()).append(": the lifecycle and mail queues were NOT empty a minute after it\n");
            }
        }

        TextTable calls = new TextTable("client function", "sent", "200", "not 200", "p50", "p90", "p99", "max");
        for (LifecycleLoad.StageFigures s : client) {
            calls.row(s.stage(), s.requests(), s.ok(), s.requests() - s.ok(), ms(s.requestMs().p50()),
                    ms(s.requestMs().p90()), ms(s.requestMs().p99()), ms(s.requestMs().max()));
        }
        out.append('\n').append(calls.render());
        out.append("  ms, client side, over the 200s; one request per server, after unsuspend and before reinstall\n");

        TextTable steps = new TextTable("operation / step (SUCCEEDED ones)", "p50", "p90", "max", "attempts mean", "max");
        for (LifecycleLoad.StageFigures s : operations) {
            for (LifecycleLoad.StepFigures step : s.steps()) {
                steps.row(s.stage() + " / " + step.step(), ms(step.sincePreviousMs().p50()),
                        ms(step.sincePreviousMs().p90()), ms(step.sincePreviousMs().max()),
                        decimal(step.meanAttempts(), 2), step.maxAttempts());
            }
        }
        out.append('\n').append(steps.render());
        out.append("  ms from the previous step's end (the 202 for the first) to this step's end: queue hop, the step's\n"
                + "  DynamoDB and TenantOS calls, and for await-* the reinstall or wipe itself and its polls\n");

        List<String> functions = r.byFunctionInstalled()
                ? LifecycleFigures.functions(r.stages().stream().map(LifecycleLoad.StageFigures::awsByFunction).toList())
                        .stream().sorted(Comparator.comparingInt(Report::manifestOrder)).toList()
                : List.of();
        List<String> headers = new ArrayList<>(List.of("stage", "n", "calls", "per op"));
        headers.addAll(functions);
        TextTable aws = new TextTable(headers.toArray(String[]::new));
        List<String> mismatches = new ArrayList<>();
        for (LifecycleLoad.StageFigures s : r.stages()) {
            long total = LifecycleFigures.total(s.awsCalls());
            List<Object> row = new ArrayList<>(List.of(s.stage(), s.ok(), total, perOrder(total, s.ok())));
            long split = 0;
            for (String function : functions) {
                long n = LifecycleFigures.total(s.awsByFunction().getOrDefault(function, Map.of()));
                split += n;
                row.add(LifecycleFigures.per(n, s.ok()));
            }
            if (!functions.isEmpty() && split != total) {
                mismatches.add(s.stage() + " " + split + " vs " + total);
            }
            aws.row(row.toArray());
        }
        out.append("\nAWS SDK CALLS BY THE FUNCTIONS per operation (per request for the client functions; AwsCallCounter from a\n"
                + "stage's first request until its queues were empty)\n");
        out.append(aws.render());
        if (functions.isEmpty()) {
            out.append("  (no split by function: the benchmark's SDK interceptor was not loaded)\n");
        } else {
            out.append("  per function: split by the runtime thread that made them (API functions on the gateway's, told apart by\n"
                    + "  the handler on its stack; queue consumers on their poller's);\n  ")
                    .append(mismatches.isEmpty() ? "per stage they add up to AwsCallCounter's count"
                            : "they differ from AwsCallCounter for " + String.join(", ", mismatches))
                    .append('\n');
        }
        List<String> stageHeaders = new ArrayList<>(List.of("AWS call, per op"));
        r.stages().forEach(s -> stageHeaders.add(s.stage().replace("POST /", "")));
        TextTable byOperation = new TextTable(stageHeaders.toArray(String[]::new));
        for (String key : LifecycleFigures.keysByTotal(r.stages().stream().map(LifecycleLoad.StageFigures::awsCalls).toList())) {
            List<Object> row = new ArrayList<>(List.of(key));
            r.stages().forEach(s -> row.add(LifecycleFigures.per(s.awsCalls().getOrDefault(key, 0L), s.ok())));
            byOperation.row(row.toArray());
        }
        out.append('\n').append(byOperation.render());
        out.append("  the operations' progress is watched through the table with the emulator's own client and each is read\n"
                + "  through GET .../operations/{id} only after the counts: neither is in them\n");

        List<String> routeHeaders = new ArrayList<>(stageHeaders);
        routeHeaders.set(0, "TenantOS call, per op");
        TextTable tenantOs = new TextTable(routeHeaders.toArray(String[]::new));
        for (String route : LifecycleFigures.keysByTotal(r.stages().stream().map(LifecycleLoad.StageFigures::tenantOsCalls).toList())) {
            List<Object> row = new ArrayList<>(List.of(route));
            r.stages().forEach(s -> row.add(LifecycleFigures.per(s.tenantOsCalls().getOrDefault(route, 0L), s.ok())));
            tenantOs.row(row.toArray());
        }
        List<Object> totalRow = new ArrayList<>(List.of("total"));
        r.stages().forEach(s -> totalRow.add(perOrder(LifecycleFigures.total(s.tenantOsCalls()), s.ok())));
        tenantOs.row(totalRow.toArray());
        List<Object> errorRow = new ArrayList<>(List.of("not 2xx (all, not per op)"));
        r.stages().forEach(s -> errorRow.add(s.tenantOsErrors()));
        tenantOs.row(errorRow.toArray());
        out.append("\nTENANTOS API CALLS per operation (per request for the client functions; the simulator's call log, same window)\n");
        out.append(tenantOs.render());
        out.append(String.format(Locale.ROOT, "  afterwards: %d of %d services TERMINATED; %d of %d simulator servers back in stock "
                        + "(forRent, owned by the stock account)%n", r.terminatedAtEnd(), r.servers(), r.backInStock(),
                r.stockSize()));
        out.append("  handler instances built: ").append(r.handlerInstances().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        return out.toString();
    }

    private static int manifestOrder(String function) {
        for (int i = 0; i < Manifest.FUNCTIONS.size(); i++) {
            if (Manifest.FUNCTIONS.get(i).name().equals(function)) {
                return i;
            }
        }
        return Manifest.FUNCTIONS.size();
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
