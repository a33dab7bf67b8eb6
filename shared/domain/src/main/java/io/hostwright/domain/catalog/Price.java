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

    public static Price zero(String currency) {
        return new Price(currency, 0);
    }

    public Price plus(Price other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Price(currency, Math.addExact(amountMinor, other.amountMinor));
    }

    public Price times(long factor) {
        return new Price(currency, Math.multiplyExact(amountMinor, factor));
    }

    /** e.g. {@code 49.00 EUR}. */
    public String display() {
        return String.format("%d.%02d %s", amountMinor / 100, amountMinor % 100, currency);
    }
}
