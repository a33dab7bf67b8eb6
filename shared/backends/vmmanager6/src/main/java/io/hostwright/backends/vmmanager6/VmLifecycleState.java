package io.hostwright.backends.vmmanager6;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What VMmanager operations remember between their steps, apart from provisioning's state.
 *
 * @param stoppedBySuspension the suspension powered the VPS off (so the unsuspension powers it on again)
 * @param taskOperation       the operation whose task is {@code task}
 * @param task                the consul id of the running operation's task (reinstall, delete)
 * @param taskStartedAt       when it was asked for
 */
record VmLifecycleState(boolean stoppedBySuspension, boolean accountSuspendedBySuspension, String taskOperation,
                        String task, Instant taskStartedAt) {

    static final String MODULE_STATE = VmManagerBackend.NAME + "-lifecycle";

    static VmLifecycleState from(Map<String, String> m) {
        return new VmLifecycleState(Boolean.parseBoolean(m.get("stoppedBySuspension")),
                Boolean.parseBoolean(m.get("accountSuspendedBySuspension")), m.get("taskOperation"), m.get("task"),
                m.containsKey("taskStartedAt") ? Instant.parse(m.get("taskStartedAt")) : null);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (stoppedBySuspension) m.put("stoppedBySuspension", "true");
        if (accountSuspendedBySuspension) m.put("accountSuspendedBySuspension", "true");
        if (taskOperation != null) m.put("taskOperation", taskOperation);
        if (task != null) m.put("task", task);
        if (taskStartedAt != null) m.put("taskStartedAt", taskStartedAt.toString());
        return m;
    }

    VmLifecycleState stoppedBySuspension(boolean stopped) {
        return new VmLifecycleState(stopped, accountSuspendedBySuspension, taskOperation, task, taskStartedAt);
    }

    VmLifecycleState accountSuspendedBySuspension(boolean suspended) {
        return new VmLifecycleState(stoppedBySuspension, suspended, taskOperation, task, taskStartedAt);
    }

    VmLifecycleState withTask(String operationId, String consulId, Instant at) {
        return new VmLifecycleState(stoppedBySuspension, accountSuspendedBySuspension, operationId, consulId, at);
    }

    /** The task of this operation, if it started one. */
    String taskOf(String operationId) {
        return operationId.equals(taskOperation) ? task : null;
    }
}
