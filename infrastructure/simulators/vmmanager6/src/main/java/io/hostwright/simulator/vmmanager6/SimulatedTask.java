package io.hostwright.simulator.vmmanager6;

import java.time.Instant;

/**
 * A task as {@code GET /vm/v3/task} shows it, plus the host it is about.
 *
 * @param status     running, complete or fail
 * @param finishedAt null while it runs
 * @param output     the failure message when it failed, else null
 */
public record SimulatedTask(long id, long consulId, String name, long hostId, String status, Instant registeredAt,
                            Instant finishedAt, String output) {

    static SimulatedTask of(TaskState t) {
        return new SimulatedTask(t.id, t.consulId, t.name, t.hostId, t.status, t.registeredAt, t.finishedAt,
                t.output);
    }
}
