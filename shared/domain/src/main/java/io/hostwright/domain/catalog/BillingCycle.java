package io.hostwright.domain.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How often a service is invoiced. The API spells them in lower case. */
public enum BillingCycle {
    MONTHLY("monthly", 1),
    QUARTERLY("quarterly", 3),
    SEMI_ANNUALLY("semiannually", 6),
    ANNUALLY("annually", 12),
    BIENNIALLY("biennially", 24);

    private final String code;
    private final int months;

    BillingCycle(String code, int months) {
        this.code = code;
        this.months = months;
    }

    public String code() {
        return code;
    }

    public int months() {
        return months;
    }

    public static Optional<BillingCycle> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
