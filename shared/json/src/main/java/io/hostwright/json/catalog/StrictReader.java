package io.hostwright.json.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from a JSON document that collect every problem with its field path ({@code options[1].max}) instead
 * of failing on the first: what staff see when a product or connection they wrote is wrong.
 */
final class StrictReader {

    /**
     * A connection's or product's id: lower-case letters, digits and dashes, at most 63 like a DNS label. Ids go into
     * URLs and table keys; an unbounded one broke the key size limit.
     */
    static final String ID = "[a-z0-9][a-z0-9-]{0,62}";

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    void problem(String path, String message) {
        violations.add(new Violation(path, message));
    }

    boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path.isEmpty() ? "body" : path, "must be a JSON object");
            return false;
        }
        return true;
    }

    void onlyKnown(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(join(path, name), "is not a known field; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    String text(JsonNode node, String path, String field, String pattern, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(join(path, field), "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(join(path, field), "must be a string");
            return null;
        }
        if (pattern != null && !value.textValue().matches(pattern)) {
            problem(join(path, field), "\"" + value.textValue() + "\" does not match " + pattern);
            return null;
        }
        return value.textValue();
    }

    Long whole(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(join(path, field), "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(join(path, field), "must be a whole number");
            return null;
        }
        return value.longValue();
    }

    Boolean flag(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(join(path, field), "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** {@code {"currency": "EUR", "amountMinor": 900}}, or null when absent and not required. */
    Price price(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (!object(node, path)) {
            return null;
        }
        onlyKnown(node, path, Set.of("currency", "amountMinor"));
        String currency = text(node, path, "currency", "[A-Z]{3}", true);
        Long amount = whole(node, path, "amountMinor", true);
        if (amount != null && amount < 0) {
            problem(join(path, "amountMinor"), "must not be negative");
            return null;
        }
        return currency == null || amount == null ? null : new Price(currency, amount);
    }

    /** Any JSON object as maps, lists, strings, numbers and booleans: a back-end's own settings. */
    @SuppressWarnings("unchecked")
    /** A list of distinct texts each matching {@code pattern}; empty when absent. */
    List<String> texts(JsonNode node, String path, String field, String pattern) {
        JsonNode value = node.get(field);
        String at = join(path, field);
        List<String> texts = new java.util.ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            problem(at, "must be a list");
            return texts;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || !item.textValue().matches(pattern)) {
                problem(at + "[" + i + "]", "must be a text matching " + pattern);
            } else if (texts.contains(item.textValue())) {
                problem(at + "[" + i + "]", "duplicate \"" + item.textValue() + "\"");
            } else {
                texts.add(item.textValue());
            }
        }
        return texts;
    }

    Map<String, Object> settings(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem(path, "must be a JSON object");
            return Map.of();
        }
        return new LinkedHashMap<>(Json.MAPPER.convertValue(node, Map.class));
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
