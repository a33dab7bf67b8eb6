package io.hostwright.backends.tenantos;

/** What a server's power can be told to do, with the TenantOS power method of each. */
public enum PowerAction {
    ON("setPowerOn"),
    OFF("setPowerOff"),
    /** [U: the method name of a reset is not confirmed by public sources] */
    RESET("setPowerReset");

    private final String method;

    PowerAction(String method) {
        this.method = method;
    }

    /** The {@code {method}} of {@code GET /api/servers/{id}/power/{method}}. */
    public String method() {
        return method;
    }
}
