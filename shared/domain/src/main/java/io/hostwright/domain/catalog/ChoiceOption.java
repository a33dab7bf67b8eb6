package io.hostwright.domain.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One value of an enumeration (bandwidth 20/50/100 TB, a control-panel licence by its upstream tariff id). An order
 * may send the value as a string or, when it looks like one, a number.
 */
public record ChoiceOption(String key, String label, List<Choice> choices, String defaultValue)
        implements OrderOption {

    /** @param monthlyPrice what choosing it adds per month; null for nothing */
    public record Choice(String value, String label, Price monthlyPrice) {
        public Choice {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new IllegalArgumentException("a choice needs a value");
            }
            label = label == null || label.isBlank() ? value : label;
        }
    }

    public ChoiceOption {
        OrderOption.checkKey(key);
        label = label == null || label.isBlank() ? key : label;
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("option " + key + " offers no choice");
        }
        Set<String> values = new HashSet<>();
        for (Choice choice : choices) {
            if (!values.add(choice.value())) {
                throw new IllegalArgumentException("option " + key + " offers " + choice.value() + " twice");
            }
        }
        defaultValue = defaultValue == null ? choices.getFirst().value() : defaultValue;
        if (!values.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + key + ": default " + defaultValue + " is not a choice");
        }
    }

    public Optional<Choice> choice(String value) {
        return choices.stream().filter(c -> c.value().equals(value)).findFirst();
    }

    @Override
    public Optional<String> problem(Object raw) {
        if (!(raw instanceof String || raw instanceof Integer || raw instanceof Long)) {
            return Optional.of("must be one of " + values());
        }
        return choice(String.valueOf(raw)).isPresent() ? Optional.empty()
                : Optional.of("must be one of " + values());
    }

    @Override
    public String canonical(Object raw) {
        return String.valueOf(raw);
    }

    @Override
    public Price monthlyPrice(String value, String currency) {
        return choice(value).map(Choice::monthlyPrice).filter(Objects::nonNull).orElse(Price.zero(currency));
    }

    private List<String> values() {
        return choices.stream().map(Choice::value).toList();
    }
}
