package io.hostwright.domain.catalog;

import java.util.Optional;

/** On or off (a managed backup, an extra IPv6 block); when on it adds {@code monthlyPrice} (null: free). */
public record BooleanOption(String key, String label, boolean defaultOn, Price monthlyPrice) implements OrderOption {

    public BooleanOption {
        OrderOption.checkKey(key);
        label = label == null || label.isBlank() ? key : label;
    }

    @Override
    public String defaultValue() {
        return Boolean.toString(defaultOn);
    }

    @Override
    public Optional<String> problem(Object raw) {
        return raw instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
    }

    @Override
    public String canonical(Object raw) {
        return raw.toString();
    }

    @Override
    public Price monthlyPrice(String value, String currency) {
        return Boolean.parseBoolean(value) && monthlyPrice != null ? monthlyPrice : Price.zero(currency);
    }
}
