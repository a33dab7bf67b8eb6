package io.hostwright.simulator.vmmanager6;

import java.time.Instant;

/**
 * A task: {@code running} until {@code dueAt}, then {@code complete} (its {@code effect} completes) or, when a
 * failure was scripted for it, {@code fail} with that message as {@code output} (its {@code effect} fails). Both get
 * the instant the task ended.
 */
final class TaskState {

    static final String RUNNING = "running";
    static final String COMPLETE = "complete";
    static final String FAIL = "fail";

    final long id;
    final long consulId;
    final String name;
    final long hostId;
    final Instant registeredAt;
    final Instant dueAt;
    final String failMessage;
    final TaskEffect effect;
    String status = RUNNING;
    Instant finishedAt;
    String output;

    TaskState(long id, long consulId, String name, long hostId, Instant registeredAt, Instant dueAt,
              String failMessage, TaskEffect effect) {
        this.id = id;
        this.consulId = consulId;
        this.name = name;
        this.hostId = hostId;
        this.registeredAt = registeredAt;
        this.dueAt = dueAt;
        this.failMessage = failMessage;
        this.effect = effect;
    }

    boolean running() {
        return status.equals(RUNNING);
    }
}
