package io.hostwright.domain.catalog;

import java.util.Objects;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Price(String currency, long amountMinor) {
    public Price {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
        if (amountMinor < 0) {
            throw new IllegalArgumentException("price cannot be negative");
        }
    }

    /** e.g. {@code 49.00 EUR}. */
    public String display() {
        return String.format("%d.%02d %s", amountMinor / 100, amountMinor % 100, currency);
    }
}
