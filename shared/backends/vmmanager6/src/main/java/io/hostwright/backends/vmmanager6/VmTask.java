package io.hostwright.backends.vmmanager6;

/** A VMmanager 6 task: {@code running}, then {@code complete} or {@code fail} ({@code output} says why). */
public record VmTask(String consulId, String name, String status, String output) {

    public boolean complete() {
        return "complete".equals(status);
    }

    public boolean failed() {
        return "fail".equals(status);
    }
}
