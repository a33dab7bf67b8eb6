package io.hostwright.domain.catalog;

import java.util.Optional;

/**
 * A choice a product offers at order time (an IPv4 count, a bandwidth allowance, a control-panel licence…) and what
 * each value adds to the price per month. Validated generically at order time; the back-end reads the chosen value
 * by {@link #key()}. Chosen values are kept as text in their canonical form ({@code "2"}, {@code "true"}).
 */
public sealed interface OrderOption permits IntegerOption, ChoiceOption, BooleanOption {

    /** The field in an order's {@code options}, e.g. {@code ipv4}. */
    String key();

    /** What the storefront shows, e.g. "IPv4 addresses". */
    String label();

    /** The value an order that leaves the option out gets, canonical. */
    String defaultValue();

    /**
     * The chosen value in canonical form.
     *
     * @param raw what the order carried: an Integer/Long, a String or a Boolean
     * @return empty when {@code raw} is acceptable; else why not, for a 400 naming {@code options.<key>}
     */
    Optional<String> problem(Object raw);

    /** {@code raw} in canonical form; call only when {@link #problem} found none. */
    String canonical(Object raw);

    /** What the (canonical) value adds per month, in {@code currency}. */
    Price monthlyPrice(String value, String currency);

    /** The key pattern: a JSON field name a storefront can send without quoting trouble. */
    static void checkKey(String key) {
        if (key == null || !key.matches("[a-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("option key must be camelCase letters and digits: " + key);
        }
    }
}
