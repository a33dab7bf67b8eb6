package io.hostwright.backends.tenantos;

/** Progress of an OS installation or disk wipe. */
public record InstallStatus(State state, int progressPercent, String message) {

    public enum State { NOT_RUNNING, RUNNING, FINISHED, FAILED }
}
