package io.hostwright.manifest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A work queue. Every queue gets a dead-letter queue that receives a message after {@code maxReceiveCount}
 * failed deliveries; ops redrive from there.
 */
public record QueueSpec(String name, String purpose, int maxReceiveCount, Duration retention) {

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
}
