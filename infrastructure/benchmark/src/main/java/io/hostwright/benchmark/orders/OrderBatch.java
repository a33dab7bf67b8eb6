package io.hostwright.benchmark.orders;

import io.hostwright.benchmark.report.Stats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places {@code count} orders with {@code concurrency} clients, each taking the next order number until all are
 * placed or the deadline passes. Client {@code i} always uses customer token {@code i}; every order has its own
 * {@code Idempotency-Key}.
 */
final class OrderBatch {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_EXAMPLES = 3;

    private final HttpClient http;
    private final URI ordersUri;
    private final List<String> tokens;
    private final OrderBody body;

    OrderBatch(HttpClient http, URI ordersUri, List<String> tokens, OrderBody body) {
        this.http = http;
        this.ordersUri = ordersUri;
        this.tokens = List.copyOf(tokens);
        this.body = body;
    }

    BatchResult place(String keyPrefix, int count, Duration deadline) {
        int clients = tokens.size();
        double[] latencies = new double[count];
        int[] statuses = new int[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger transportErrors = new AtomicInteger();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> others = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long deadlineNanos = started + deadline.toNanos();

        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int client = 0; client < clients; client++) {
                String token = tokens.get(client);
                pool.execute(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count && System.nanoTime() < deadlineNanos) {
                        HttpRequest request = HttpRequest.newBuilder(ordersUri)
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", keyPrefix + "-" + n)
                                .POST(HttpRequest.BodyPublishers.ofString(body.json(keyPrefix, n)))
                                .build();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[n] = (System.nanoTime() - sent) / 1_000_000.0;
                            statuses[n] = response.statusCode();
                            if (response.statusCode() != 202) {
                                others.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                                if (examples.size() < MAX_EXAMPLES) {
                                    examples.add(response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (IOException e) {
                            latencies[n] = Double.NaN;
                            transportErrors.incrementAndGet();
                            if (examples.size() < MAX_EXAMPLES) {
                                examples.add("no answer: " + e);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(deadline.plus(REQUEST_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double wallMs = (System.nanoTime() - started) / 1_000_000.0;

        List<Double> answered = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        int sent = Math.min(next.get(), count);
        for (int i = 0; i < sent; i++) {
            if (statuses[i] != 0) {
                answered.add(latencies[i]);
                if (statuses[i] == 202) {
                    accepted.add(latencies[i]);
                }
            }
        }
        Map<Integer, Integer> otherStatuses = new TreeMap<>();
        others.forEach((status, n) -> otherStatuses.put(status, n.get()));
        int notSent = count - answered.size() - transportErrors.get();
        return new BatchResult(count, accepted.size(), wallMs, Stats.of(answered), Stats.of(accepted),
                otherStatuses, List.copyOf(examples), transportErrors.get(), notSent);
    }
}
