package io.hostwright.simulator.vmmanager6;

import java.util.List;

/** The names a task carries in {@code GET /vm/v3/task}, one per kind of mutating call. */
public final class TaskNames {

    public static final String HOST_CREATE = "host_create";
    public static final String HOST_DELETE = "host_delete";
    public static final String HOST_START = "host_start";
    public static final String HOST_STOP = "host_stop";
    public static final String HOST_RESTART = "host_restart";
    public static final String HOST_REINSTALL = "host_reinstall";
    public static final String HOST_CHANGE_PARAMS = "host_change_params";
    public static final String DISK_RESIZE = "disk_resize";
    public static final String HOST_PASSWORD = "host_password";

    public static final List<String> ALL = List.of(HOST_CREATE, HOST_DELETE, HOST_START, HOST_STOP, HOST_RESTART,
            HOST_REINSTALL, HOST_CHANGE_PARAMS, DISK_RESIZE, HOST_PASSWORD);

    private TaskNames() {
    }

    /** @throws IllegalArgumentException when {@code name} is none of {@link #ALL} */
    static String check(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("Unknown task name " + name + ", expected one of " + ALL);
        }
        return name;
    }
}
