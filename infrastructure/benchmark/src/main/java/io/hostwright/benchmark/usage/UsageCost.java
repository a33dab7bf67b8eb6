package io.hostwright.benchmark.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What polling costs a month at AWS list prices (us-east-1, on-demand, no free tier, prices as published in 2026:
 * check the current ones before relying on the total), from one measured steady cycle: every figure is a count
 * from the benchmark times the cycles in a month, except where a line says it is an assumption.
 */
public final class UsageCost {

    /** 30 days of 5-minute cycles. */
    public static final int CYCLES_PER_MONTH = 30 * 24 * 12;

    /** A list price: what {@code unit} costs, in US dollars. */
    public record Price(String item, String unit, double usd) {
    }

    public static final Price LAMBDA_REQUESTS = new Price("Lambda requests", "per 1M requests", 0.20);
    public static final Price LAMBDA_DURATION = new Price("Lambda duration (x86)", "per GB-second", 0.0000166667);
    public static final Price DYNAMODB_WRITES = new Price("DynamoDB on-demand writes", "per 1M write request units",
            0.625);
    public static final Price DYNAMODB_READS = new Price("DynamoDB on-demand reads", "per 1M read request units",
            0.125);
    public static final Price DYNAMODB_STORAGE = new Price("DynamoDB storage (Standard)", "per GB-month", 0.25);
    public static final Price SQS_FIFO = new Price("SQS FIFO requests", "per 1M requests (64 KB each)", 0.50);
    public static final Price SCHEDULER = new Price("EventBridge Scheduler", "per 1M invocations", 1.00);
    public static final Price LOGS = new Price("CloudWatch Logs ingestion", "per GB", 0.50);
    public static final List<Price> PRICES = List.of(LAMBDA_REQUESTS, LAMBDA_DURATION, DYNAMODB_WRITES, DYNAMODB_READS,
            DYNAMODB_STORAGE, SQS_FIFO, SCHEDULER, LOGS);

    /** Assumed, not measured: what one poller invocation logs (its summary line and the metrics record). */
    static final int LOG_BYTES_PER_INVOCATION = 1_500;
    /** Assumed: Lambda's SQS pollers keep long-polling the queue between cycles (5 pollers, 20 s polls). */
    static final double IDLE_RECEIVES_PER_MONTH = 5 * 3 * 60 * 24 * 30;

    /**
     * How long a 5-minute sample is kept: the rest of its period (half a period on average) and the retention.
     *
     * @param itemBytes one sample as DynamoDB bills storage
     */
    public record SampleStorage(Duration retention, int itemBytes) {

        double samplesHeldPerServer() {
            double days = retention.toDays() + 30.4 / 2;
            return days * 24 * 12;
        }
    }

    /** One line of the bill: the monthly quantity in the price's unit, and the cost. */
    public record Line(Price price, double quantity, double usd, String basis) {
    }

    public record Estimate(int servers, List<Line> lines, double totalUsd) {

        public double perServerUsd() {
            return totalUsd / servers;
        }
    }

    private UsageCost() {
    }

    static Estimate estimate(int servers, UsagePollingLoad.Cycle cycle, int memoryMb, SampleStorage storage) {
        List<Line> lines = new ArrayList<>();
        double invocations = (cycle.messages() + 1.0) * CYCLES_PER_MONTH;
        lines.add(line(LAMBDA_REQUESTS, invocations / 1e6, "(" + cycle.messages() + " usage messages + 1 planner run) "
                + "x " + CYCLES_PER_MONTH + " cycles"));
        double gbSeconds = (cycle.handlerMillis().mean() * cycle.messages() + cycle.plannerMillis()) / 1000.0
                * memoryMb / 1024.0 * CYCLES_PER_MONTH;
        lines.add(line(LAMBDA_DURATION, gbSeconds, String.format(java.util.Locale.ROOT,
                "measured handler time here (mean %.0f ms per message, planner %.0f ms) at %d MB", cycle.handlerMillis()
                        .mean(), cycle.plannerMillis(), memoryMb)));
        double writeUnits = cycle.writeUnitsPerServer() * servers * CYCLES_PER_MONTH;
        lines.add(line(DYNAMODB_WRITES, writeUnits / 1e6, String.format(java.util.Locale.ROOT,
                "%.2f write units per server per cycle, as DynamoDB Local reported them", cycle.writeUnitsPerServer())));
        double readUnits = cycle.readUnitsPerServer() * servers * CYCLES_PER_MONTH;
        lines.add(line(DYNAMODB_READS, readUnits / 1e6, String.format(java.util.Locale.ROOT,
                "%.2f read units per server per cycle, as DynamoDB Local reported them", cycle.readUnitsPerServer())));
        double gb = servers * storage.samplesHeldPerServer() * storage.itemBytes() / 1e9;
        lines.add(line(DYNAMODB_STORAGE, gb, String.format(java.util.Locale.ROOT,
                "%,.0f samples held per server (rest of the period + %d days) x %d bytes",
                storage.samplesHeldPerServer(), storage.retention().toDays(), storage.itemBytes())));
        double sqsCalls = cycle.awsCallsPerServer().entrySet().stream().filter(e -> e.getKey().startsWith("Sqs."))
                .mapToDouble(e -> e.getValue() * servers).sum();
        double sqsRequests = (sqsCalls + 2.0 * cycle.messages()) * CYCLES_PER_MONTH + IDLE_RECEIVES_PER_MONTH;
        lines.add(line(SQS_FIFO, sqsRequests / 1e6, "the planner's sends as counted, a receive and a delete per "
                + "message, and Lambda's idle long polls (assumed: 5 pollers, 20 s each)"));
        lines.add(line(SCHEDULER, CYCLES_PER_MONTH / 1e6, "one planner run per cycle"));
        double logGb = invocations * LOG_BYTES_PER_INVOCATION / 1e9;
        lines.add(line(LOGS, logGb, "assumed " + LOG_BYTES_PER_INVOCATION + " bytes per invocation"));
        double total = lines.stream().mapToDouble(Line::usd).sum();
        return new Estimate(servers, lines, total);
    }

    private static Line line(Price price, double quantity, String basis) {
        return new Line(price, quantity, quantity * price.usd(), basis);
    }
}
