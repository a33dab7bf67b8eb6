package io.hostwright.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What makes a function run. */
public sealed interface Trigger permits Trigger.HttpApi, Trigger.Queue, Trigger.Schedule, Trigger.Events {

    /** Routes of the one HTTP API, all served by the function. */
    record HttpApi(List<HttpRoute> routes) implements Trigger {
        public HttpApi {
            routes = List.copyOf(routes);
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("an HTTP trigger needs at least one route");
            }
        }
    }

    /**
     * An SQS event source. Handlers answer with {@code SQSBatchResponse}; the event source always reports batch
     * item failures so one bad message never redelivers the whole batch.
     */
    record Queue(String queue, int batchSize, Duration maxBatchingWindow, int maxConcurrency) implements Trigger {
        public Queue {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(maxBatchingWindow, "maxBatchingWindow");
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batch size must be 1..10 (no batching window above 10): " + batchSize);
            }
            if (maxConcurrency < 2) {
                throw new IllegalArgumentException("SQS event sources need a maximum concurrency of at least 2");
            }
        }
    }

    /** An EventBridge schedule: {@code rate(5 minutes)} or {@code cron(0 * * * ? *)}. */
    record Schedule(String expression, String description) implements Trigger {
        public Schedule {
            ScheduleExpression.parse(expression); // fails fast on a malformed expression
        }
    }

    /**
     * Events on EventBridge's default bus from {@code source} with one of {@code detailTypes}, e.g. SES's
     * {@code "Email Sent"} as the mail configuration set publishes them.
     */
    record Events(String source, List<String> detailTypes, String description) implements Trigger {
        public Events {
            Objects.requireNonNull(source, "source");
            detailTypes = List.copyOf(detailTypes);
            if (detailTypes.isEmpty()) {
                throw new IllegalArgumentException("an event trigger names at least one detail type");
            }
        }

        /** Whether an event of {@code source} and {@code detailType} is one of these. */
        public boolean matches(String source, String detailType) {
            return this.source.equals(source) && detailTypes.contains(detailType);
        }
    }
}
