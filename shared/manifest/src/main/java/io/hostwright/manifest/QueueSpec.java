package io.hostwright.manifest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A work queue. Every queue gets a dead-letter queue that receives a message after {@code maxReceiveCount}
 * failed deliveries; ops redrive from there.
 *
 * @param fifo a FIFO queue: messages of one group (a sender's "lane") are handed out one at a time, so a lane is
 *             never worked on by two consumers at once; deduplicated by the id the sender gives each message
 */
public record QueueSpec(String name, String purpose, int maxReceiveCount, Duration retention, boolean fifo) {

    /** A standard queue. */
    public QueueSpec(String name, String purpose, int maxReceiveCount, Duration retention) {
        this(name, purpose, maxReceiveCount, retention, false);
    }

    public QueueSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("queue name must be lower-case kebab: " + name);
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be at least 1");
        }
    }

    /** The environment variable that carries this queue's URL to a function, e.g. {@code MAIL_QUEUE_URL}. */
    public String urlVariable() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_QUEUE_URL";
    }

    public String deadLetterName() {
        return name + "-dlq";
    }

    /** The queue's name in SQS: FIFO queue names end in {@code .fifo}. */
    public String physicalName() {
        return fifo ? name + ".fifo" : name;
    }

    /** The dead-letter queue's name in SQS (a FIFO queue's is FIFO too). */
    public String deadLetterPhysicalName() {
        return fifo ? deadLetterName() + ".fifo" : deadLetterName();
    }
}
