package io.hostwright.simulator.billmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One control API call: its path parameters, query and JSON body. Helpers refuse with an
 * {@link IllegalArgumentException} naming the field (answered 422).
 */
record ControlRequest(Map<String, String> params, Map<String, String> query, JsonNode body) {

    long id(String param) {
        String raw = params.get(param);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new java.util.NoSuchElementException("No licence " + raw);
        }
    }

    JsonNode field(String name) {
        if (body.isNull() || body.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (!body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
        return body.path(name);
    }

    boolean has(String name) {
        return !field(name).isMissingNode();
    }

    boolean present(String name) {
        JsonNode value = field(name);
        return !value.isMissingNode() && !value.isNull();
    }

    String text(String name) {
        JsonNode value = field(name);
        if (!present(name)) {
            throw new IllegalArgumentException("Field '" + name + "' is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Field '" + name + "' must be a non-blank string");
        }
        return value.asText();
    }

    long integer(String name, long min, long max) {
        if (!present(name)) {
            throw new IllegalArgumentException("Field '" + name + "' is required");
        }
        JsonNode value = field(name);
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            number = Long.parseLong(value.asText());
        } else {
            throw new IllegalArgumentException("Field '" + name + "' must be a whole number");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("Field '" + name + "' must be between " + min + " and " + max);
        }
        return number;
    }

    boolean flag(String name, boolean absent) {
        if (!present(name)) {
            return absent;
        }
        JsonNode value = field(name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("Field '" + name + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** A sum of money: a JSON number or a decimal string, 0 or more, at most two decimals. */
    BigDecimal money(String name) {
        if (!present(name)) {
            throw new IllegalArgumentException("Field '" + name + "' is required");
        }
        JsonNode value = field(name);
        BigDecimal amount;
        try {
            if (value.isNumber()) {
                amount = value.decimalValue();
            } else if (value.isTextual()) {
                amount = new BigDecimal(value.asText().trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Field '" + name + "' must be a sum of money such as \"12.50\"");
        }
        return Seed.money(amount, name);
    }

    Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Field '" + name + "' must be an ISO-8601 instant, got " + text);
        }
    }
}
