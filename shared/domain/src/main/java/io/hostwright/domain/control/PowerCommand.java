package io.hostwright.domain.control;

import java.util.Locale;

/** What a customer can ask of their server's power. */
public enum PowerCommand {
    ON, OFF, RESET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
