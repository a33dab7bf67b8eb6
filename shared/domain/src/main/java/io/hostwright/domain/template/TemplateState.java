package io.hostwright.domain.template;

/** Where an OS template of a connection stands; the API spells the states as {@link #label()} says. */
public enum TemplateState {
    /** Offered by every product on its connection that does not withhold it. */
    ENABLED("enabled"),
    /** Switched off by staff: stays off across syncs until staff switch it on. */
    DISABLED_BY_STAFF("disabled by staff"),
    /** No longer offered by the back-end: never orderable, kept so staff see what went and when. */
    GONE_UPSTREAM("gone upstream");

    private final String label;

    TemplateState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
