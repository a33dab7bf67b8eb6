package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a list route answers: {@code {"list": [...], "size": N}} after the query's {@code where} (see {@link Where}),
 * {@code orderby=field asc|desc[, field2 …]} and {@code limit=offset,count} (or {@code limit=count}). {@code size}
 * counts every item the filter kept, before {@code limit}. A bad parameter answers 400 / 1002 naming it.
 */
final class ListQuery {

    private ListQuery() {
    }

    static Map<String, Object> answer(List<? extends Map<String, Object>> items, Map<String, String> query) {
        Predicate<JsonNode> filter = filter(query.get("where"));
        Comparator<JsonNode> order = order(query.get("orderby"));
        long[] limit = limit(query.get("limit"));
        List<JsonNode> kept = new ArrayList<>();
        for (Map<String, Object> item : items) {
            JsonNode node = Json.tree(item);
            if (filter.test(node)) {
                kept.add(node);
            }
        }
        if (order != null) {
            kept.sort(order);
        }
        int from = (int) Math.min(limit[0], kept.size());
        int to = (int) Math.min(from + limit[1], kept.size());
        return Json.obj("list", kept.subList(from, to), "size", kept.size());
    }

    private static Predicate<JsonNode> filter(String where) {
        if (where == null || where.isBlank()) {
            return node -> true;
        }
        try {
            return Where.parse(where);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("where", e.getMessage());
        }
    }

    private static Comparator<JsonNode> order(String orderby) {
        if (orderby == null || orderby.isBlank()) {
            return null;
        }
        Comparator<JsonNode> order = null;
        for (String part : orderby.split(",")) {
            String[] words = part.replace('+', ' ').trim().split("\\s+");
            if (words.length > 2 || !words[0].matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw ApiError.invalid("orderby", "expected 'field asc' or 'field desc', got '" + part.trim() + "'");
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ApiError.invalid("orderby", "the direction must be asc or desc, got '" + words[1] + "'");
            }
            String field = words[0];
            Comparator<JsonNode> byField = Comparator.comparing(n -> first(n, field), ListQuery::compareValues);
            if (direction.equals("desc")) {
                byField = byField.reversed();
            }
            order = order == null ? byField : order.thenComparing(byField);
        }
        return order;
    }

    private static JsonNode first(JsonNode node, String field) {
        List<JsonNode> leaves = Where.leaves(node, field);
        return leaves.isEmpty() ? null : leaves.getFirst();
    }

    /** Nulls first; numbers by value; anything else as text. */
    private static int compareValues(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    private static long[] limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return new long[] {0, Integer.MAX_VALUE};
        }
        String trimmed = limit.replace('+', ' ').replace(" ", "");
        if (!trimmed.matches("\\d{1,9}(,\\d{1,9})?")) {
            throw ApiError.invalid("limit", "expected 'offset,count', got '" + limit + "'");
        }
        String[] parts = trimmed.split(",");
        return parts.length == 1 ? new long[] {0, Long.parseLong(parts[0])}
                : new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
