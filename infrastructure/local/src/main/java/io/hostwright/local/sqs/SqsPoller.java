package io.hostwright.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.local.console.Console;
import io.hostwright.local.function.FunctionInvocationException;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Trigger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's SQS event source for one queue-triggered function: long-polls the queue for batches of up to
 * {@code batchSize}, invokes the function with an {@link SQSEvent}, then deletes every message of the batch except
 * those it reported in {@code SQSBatchResponse.batchItemFailures}. A failed invocation deletes nothing. What is not
 * deleted becomes visible again after the queue's visibility timeout and, after {@code maxReceiveCount} receives,
 * the queue's redrive policy moves it to the dead-letter queue. Up to {@code maxConcurrency} batches run at once.
 */
public final class SqsPoller implements AutoCloseable {

    static final Duration LONG_POLL = Duration.ofSeconds(1);
    private static final Duration BACKOFF_AFTER_ERROR = Duration.ofSeconds(1);

    private final LocalFunction function;
    private final Trigger.Queue trigger;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final ExecutorService workers;
    private volatile boolean running;
    private volatile boolean duplicateDeliveries;

    /**
     * @param queueUrl where to poll; its name is the last path segment (it makes the event source ARN)
     */
    public SqsPoller(LocalFunction function, SqsClient sqs, String queueUrl, String region) {
        if (!(function.spec().trigger() instanceof Trigger.Queue queue)) {
            throw new IllegalArgumentException(function.name() + " is not triggered by a queue");
        }
        this.function = function;
        this.trigger = queue;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.region = region;
        this.queueArn = SqsEvents.queueArn(region, queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(queue.maxConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "sqs-" + function.name() + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public LocalFunction function() {
        return function;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public synchronized SqsPoller start() {
        if (running) {
            return this;
        }
        running = true;
        for (int i = 0; i < trigger.maxConcurrency(); i++) {
            workers.execute(this::pollUntilStopped);
        }
        return this;
    }

    /** Stops polling; batches in flight finish (and are settled) first, up to the function's timeout. */
    @Override
    public void close() {
        running = false;
        workers.shutdown();
        try {
            Duration grace = function.spec().timeout().plus(LONG_POLL).plusSeconds(2);
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                List<Message> batch = receive();
                if (!batch.isEmpty()) {
                    // even while stopping: left alone, a received batch would stay invisible for the whole
                    // visibility timeout (minutes) after the next start
                    handle(batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Console.error("polling " + queueUrl + " for " + function.name() + " failed; retrying in "
                        + BACKOFF_AFTER_ERROR.toSeconds() + " s", e);
                sleep(BACKOFF_AFTER_ERROR);
            }
        }
    }

    private List<Message> receive() {
        return sqs.receiveMessage(request -> request
                .queueUrl(queueUrl)
                .maxNumberOfMessages(trigger.batchSize())
                .waitTimeSeconds((int) LONG_POLL.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    /**
     * Delivers every batch twice, the second time concurrently with the first — SQS's at-least-once delivery at its
     * worst — so tests can prove handlers idempotent. As with SQS, a message is deleted when either delivery succeeded.
     */
    public SqsPoller duplicatingDeliveries(boolean duplicate) {
        this.duplicateDeliveries = duplicate;
        return this;
    }

    private void handle(List<Message> batch) {
        Object response;
        CompletableFuture<Object> duplicate = duplicateDeliveries
                ? CompletableFuture.supplyAsync(() -> invokeQuietly(batch))
                : CompletableFuture.completedFuture(null);
        try {
            response = function.invoke(SqsEvents.of(batch, queueArn, region));
        } catch (FunctionInvocationException e) {
            Console.error(e.getMessage() + "; none of its " + batch.size()
                    + " message(s) deleted, they return after the visibility timeout", e.getCause());
            return;
        }
        Object duplicateResponse = duplicate.join();
        BatchOutcome outcome = BatchOutcome.of(batch, response);
        if (duplicateResponse != null) {
            outcome = outcome.orDeletedBy(BatchOutcome.of(batch, duplicateResponse));
        }
        if (outcome.problem() != null) {
            Console.warn(function.name() + ": " + outcome.problem());
        } else if (!outcome.toRetry().isEmpty()) {
            Console.info(function.name() + " reported " + outcome.toRetry().size() + " of " + batch.size()
                    + " message(s) failed; they return after the visibility timeout");
        }
        delete(outcome.toDelete());
    }

    private Object invokeQuietly(List<Message> batch) {
        try {
            return function.invoke(SqsEvents.of(batch, queueArn, region));
        } catch (FunctionInvocationException e) {
            Console.warn("duplicate delivery to " + function.name() + " failed: " + e.getMessage());
            return null;
        }
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = messages.subList(from, Math.min(from + 10, messages.size()));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(failure -> Console.warn(function.name() + ": could not delete a message from "
                    + queueUrl + ": " + failure.code() + " " + failure.message()));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
