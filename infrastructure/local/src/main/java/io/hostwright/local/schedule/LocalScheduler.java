package io.hostwright.local.schedule;

import io.hostwright.local.console.Console;
import io.hostwright.local.function.FunctionInvocationException;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.ScheduleExpression;
import io.hostwright.manifest.Trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EventBridge schedules on the laptop: each schedule-triggered function is invoked with a {@code ScheduledEvent} at
 * the times its manifest expression gives ({@link ScheduleExpression#nextAfter}, UTC), and on demand with
 * {@link #runNow} so demos and tests need not wait for the timetable. A slow run never delays another schedule.
 */
public final class LocalScheduler implements AutoCloseable {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final String region;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService runners;
    private volatile boolean running;

    public LocalScheduler(List<LocalFunction> functions, String region, Clock clock) {
        this.region = region;
        this.clock = clock;
        for (LocalFunction function : functions) {
            if (function.spec().trigger() instanceof Trigger.Schedule schedule) {
                entries.put(function.name(), new Entry(function, schedule, ScheduleExpression.parse(schedule.expression())));
            }
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("local-scheduler"));
        this.runners = Executors.newCachedThreadPool(daemon("scheduled-run"));
    }

    /** Plans every schedule's first firing. */
    public synchronized LocalScheduler start() {
        if (!running) {
            running = true;
            entries.values().forEach(entry -> plan(entry, clock.instant()));
        }
        return this;
    }

    public List<ScheduledFunction> schedules() {
        return entries.values().stream()
                .map(e -> new ScheduledFunction(e.function.name(), e.schedule.expression(), e.schedule.description(),
                        e.nextRunAt))
                .toList();
    }

    /** The last run of a function, by the timetable or on demand. */
    public Optional<ScheduleRun> lastRun(String functionName) {
        Entry entry = entries.get(functionName);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.lastRun);
    }

    /**
     * Invokes a scheduled function now, on the caller's thread, and reports how it went.
     *
     * @throws IllegalArgumentException when no scheduled function has that name
     */
    public ScheduleRun runNow(String functionName) {
        Entry entry = entries.get(functionName);
        if (entry == null) {
            throw new IllegalArgumentException("no scheduled function named " + functionName + "; there are "
                    + entries.keySet());
        }
        return run(entry, "manual", clock.instant());
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        runners.shutdown();
        try {
            Duration longest = entries.values().stream().map(e -> e.function.spec().timeout())
                    .max(Duration::compareTo).orElse(Duration.ZERO);
            if (!runners.awaitTermination(longest.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                runners.shutdownNow();
            }
        } catch (InterruptedException e) {
            runners.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void plan(Entry entry, Instant after) {
        Instant next = entry.expression.nextAfter(ZonedDateTime.ofInstant(after, ZoneOffset.UTC)).toInstant();
        entry.nextRunAt = next;
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        timer.schedule(() -> fire(entry, next), delay, TimeUnit.MILLISECONDS);
    }

    private void fire(Entry entry, Instant scheduledFor) {
        if (!running) {
            return;
        }
        // the next firing follows the timetable, not this run's duration; a laptop that slept skips what it missed
        Instant now = clock.instant();
        plan(entry, scheduledFor.isBefore(now) ? now : scheduledFor);
        runners.execute(() -> run(entry, "schedule", scheduledFor));
    }

    private ScheduleRun run(Entry entry, String cause, Instant scheduledFor) {
        String eventId = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        ScheduleRun run;
        try {
            Object result = entry.function.invoke(ScheduledEvents.of(eventId, region, entry.function.name(), scheduledFor));
            run = ScheduleRun.succeeded(entry.function.name(), cause, eventId, scheduledFor, startedAt,
                    (System.nanoTime() - started) / 1_000_000, result);
            Console.info("schedule " + entry.schedule.expression() + " → " + entry.function.name() + " succeeded ("
                    + run.durationMs() + " ms, " + cause + ")");
        } catch (FunctionInvocationException e) {
            run = ScheduleRun.failed(entry.function.name(), cause, eventId, scheduledFor, startedAt,
                    (System.nanoTime() - started) / 1_000_000, e.getMessage());
            Console.error("schedule " + entry.schedule.expression() + " → " + e.getMessage(), e.getCause());
        }
        entry.lastRun = run;
        return run;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Entry {
        final LocalFunction function;
        final Trigger.Schedule schedule;
        final ScheduleExpression expression;
        volatile Instant nextRunAt;
        volatile ScheduleRun lastRun;

        Entry(LocalFunction function, Trigger.Schedule schedule, ScheduleExpression expression) {
            this.function = function;
            this.schedule = schedule;
            this.expression = expression;
        }
    }
}
