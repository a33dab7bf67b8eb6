package io.hostwright.benchmark;

import io.hostwright.local.LocalRuntime;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waiting for the laptop runtime's queues to empty, through the emulator's own client (not counted as a function's). */
public final class Queues {

    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final int EMPTY_CHECKS = 4;

    private Queues() {
    }

    /**
     * Waits until every named queue holds no message (visible, in flight or delayed) for a second; false when they
     * did not within {@code timeout}.
     */
    public static boolean awaitEmpty(LocalRuntime runtime, Duration timeout, String... queueNames) {
        List<String> urls = java.util.Arrays.stream(queueNames).map(runtime.aws()::queueUrl).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        int emptyChecks = 0;
        while (System.nanoTime() < deadline) {
            boolean empty = true;
            for (String url : urls) {
                Map<QueueAttributeName, String> attributes = runtime.aws().sqs().getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
                empty &= attributes.values().stream().allMatch("0"::equals);
            }
            emptyChecks = empty ? emptyChecks + 1 : 0;
            if (emptyChecks >= EMPTY_CHECKS) {
                return true;
            }
            try {
                Thread.sleep(CHECK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
