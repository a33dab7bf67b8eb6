package io.hostwright.domain.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of service a product sells; shown in the public catalog. The API spells them in lower case. */
public enum ServiceType {
    DEDICATED(true),
    VPS(true),
    COLOCATION(false),
    TENANT(false),
    LICENCE(false);

    private final boolean needsHostname;

    ServiceType(boolean needsHostname) {
        this.needsHostname = needsHostname;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A server the customer logs into gets a hostname at order time; a rack unit or a tenant need not. */
    public boolean needsHostname() {
        return needsHostname;
    }

    /** Whether the customer chooses an operating system to install: on the servers they log into. */
    public boolean installsOs() {
        return needsHostname;
    }

    public static Optional<ServiceType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
