package io.hostwright.domain.catalog;

import java.util.Optional;

/**
 * A whole number between {@code min} and {@code max} in steps of {@code step} from {@code min} (e.g. IPv4 addresses
 * 1..8, RAM 1024..16384 MiB in 1024 steps). {@code included} units come with the product's price; each unit above
 * costs {@code unitPrice} per month (null: free).
 */
public record IntegerOption(String key, String label, long min, long max, long step, long included, Price unitPrice)
        implements OrderOption {

    public IntegerOption {
        OrderOption.checkKey(key);
        label = label == null || label.isBlank() ? key : label;
        if (step < 1) {
            throw new IllegalArgumentException("option " + key + ": step must be at least 1");
        }
        if (max < min) {
            throw new IllegalArgumentException("option " + key + ": max must be at least min");
        }
        if (included < min || included > max || (included - min) % step != 0) {
            throw new IllegalArgumentException("option " + key + ": included must be a value between min and max");
        }
    }

    @Override
    public String defaultValue() {
        return Long.toString(included);
    }

    @Override
    public Optional<String> problem(Object raw) {
        if (!(raw instanceof Integer || raw instanceof Long)) {
            return Optional.of("must be a whole number");
        }
        long value = ((Number) raw).longValue();
        if (value < min || value > max) {
            return Optional.of("must be between " + min + " and " + max);
        }
        if ((value - min) % step != 0) {
            return Optional.of("must be " + min + " plus a multiple of " + step);
        }
        return Optional.empty();
    }

    @Override
    public String canonical(Object raw) {
        return Long.toString(((Number) raw).longValue());
    }

    @Override
    public Price monthlyPrice(String value, String currency) {
        long extra = Math.max(0, Long.parseLong(value) - included);
        return unitPrice == null || extra == 0 ? Price.zero(currency) : unitPrice.times(extra);
    }
}
