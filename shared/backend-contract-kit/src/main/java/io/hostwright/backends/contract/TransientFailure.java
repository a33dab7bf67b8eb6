package io.hostwright.backends.contract;

import java.time.Duration;

/**
 * The transient failures the suite scripts on a call: each is worth retrying, and the adapter reports each as a
 * {@code BackendFailure.Transient} with {@link #status} (0: no answer came).
 */
enum TransientFailure {

    SERVER_ERROR(1, 500),
    UNAVAILABLE_TWICE(2, 503),
    TOO_MANY_REQUESTS(1, 429),
    NO_ANSWER_IN_TIME(1, 0);

    /** The back-end's own words on each scripted answer. */
    static final String MESSAGE = "contract check: try again later";

    final int times;
    final int status;

    TransientFailure(int times, int status) {
        this.times = times;
        this.status = status;
    }

    void script(ScriptedFailures failures, String route) {
        switch (this) {
            case NO_ANSWER_IN_TIME -> failures.hang(route, times);
            case TOO_MANY_REQUESTS -> failures.answer(route, times,
                    ErrorAnswer.of(status, MESSAGE).withRetryAfter(Duration.ofSeconds(1)));
            default -> failures.answer(route, times, ErrorAnswer.of(status, MESSAGE));
        }
    }
}
