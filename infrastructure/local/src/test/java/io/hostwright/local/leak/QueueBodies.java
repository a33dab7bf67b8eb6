package io.hostwright.local.leak;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every SQS message body any SDK client in this test JVM sends, whichever function sends it: registered as a global
 * interceptor (src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors), recording only
 * while a test has switched it on.
 */
public final class QueueBodies implements ExecutionInterceptor {

    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    public static void start() {
        BODIES.clear();
        recording = true;
    }

    public static List<String> stop() {
        recording = false;
        return List.copyOf(BODIES);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!recording) {
            return;
        }
        if (context.request() instanceof SendMessageRequest send) {
            BODIES.add(send.messageBody());
        } else if (context.request() instanceof SendMessageBatchRequest batch) {
            batch.entries().stream().map(SendMessageBatchRequestEntry::messageBody).forEach(BODIES::add);
        }
    }
}
