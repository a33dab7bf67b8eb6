package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API call, routed (and authenticated where the route needs it). Every helper that reads the body answers
 * 400 / 1002 naming the field when the field is missing or of the wrong kind.
 */
record ApiRequest(String method, String path, Map<String, String> params, Map<String, String> query, JsonNode body) {

    /** A numeric path parameter; anything else names nothing, hence 404 / 1003 with the text as value. */
    long id(String param, String entity) {
        String raw = params.get(param);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.notFound(entity, raw);
        }
    }

    String param(String name) {
        return params.get(name);
    }

    JsonNode field(String name) {
        if (body.isNull() || body.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (!body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object");
        }
        return body.path(name);
    }

    boolean has(String name) {
        return !field(name).isMissingNode();
    }

    /** The key is in the body with a value: an optional field sent as {@code null} counts as not sent. */
    boolean present(String name) {
        JsonNode value = field(name);
        return !value.isMissingNode() && !value.isNull();
    }

    String text(String name) {
        if (!present(name)) {
            throw ApiError.required(name);
        }
        JsonNode value = field(name);
        if (!value.isTextual()) {
            throw ApiError.invalid(name, "must be a string");
        }
        if (value.asText().isBlank()) {
            throw ApiError.required(name);
        }
        return value.asText();
    }

    /** Null when absent or null; otherwise a string (it may be empty). */
    String optionalText(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = field(name);
        if (!value.isTextual()) {
            throw ApiError.invalid(name, "must be a string");
        }
        return value.asText();
    }

    /** A whole number within {@code min..max}: a JSON integer or a string of digits. */
    long integer(String name, long min, long max) {
        if (!present(name)) {
            throw ApiError.required(name);
        }
        return integer(field(name), name, min, max);
    }

    Long optionalInteger(String name, long min, long max) {
        return present(name) ? integer(field(name), name, min, max) : null;
    }

    static long integer(JsonNode value, String name, long min, long max) {
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            number = Long.parseLong(value.asText());
        } else {
            throw ApiError.invalid(name, "must be a whole number");
        }
        if (number < min || number > max) {
            throw ApiError.invalid(name, "must be between " + min + " and " + max);
        }
        return number;
    }

    boolean flag(String name, boolean absent) {
        if (!present(name)) {
            return absent;
        }
        JsonNode value = field(name);
        if (!value.isBoolean()) {
            throw ApiError.invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** An array of ids; null when absent. */
    List<Long> optionalIds(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = field(name);
        if (!value.isArray()) {
            throw ApiError.invalid(name, "must be an array of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : value) {
            ids.add(integer(item, name, 1, Long.MAX_VALUE));
        }
        return List.copyOf(ids);
    }
}
