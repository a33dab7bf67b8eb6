package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One authenticated API call, routed. {@code failInstall} carries a scripted "this install will fail" fault to the
 * endpoint that starts installs (null when none).
 */
record ApiRequest(String method, String path, Map<String, String> params, Map<String, String> query, JsonNode body,
                  String failInstall) {

    /** A numeric path parameter; anything else names nothing, hence {@code "<entity> not found"}. */
    long id(String param, String entity) {
        try {
            return Long.parseLong(params.get(param));
        } catch (NumberFormatException e) {
            throw ApiError.notFound(entity);
        }
    }

    JsonNode field(String name) {
        if (body.isNull() || body.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (!body.isObject()) {
            throw new ApiError(422, "The request body must be a JSON object.");
        }
        return body.path(name);
    }

    /** The key is in the body, even as {@code null} (where null means something, as {@code user_id} does). */
    boolean has(String name) {
        return !field(name).isMissingNode();
    }

    /** The key is in the body with a value: an optional field sent as {@code null} counts as not sent. */
    boolean present(String name) {
        JsonNode value = field(name);
        return !value.isMissingNode() && !value.isNull();
    }

    String requiredText(String name, String label) {
        JsonNode value = field(name);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw ApiError.required(label);
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new ApiError(422, "The " + label + " must be a string.");
        }
        return value.asText();
    }

    long requiredLong(String name, String label) {
        JsonNode value = field(name);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw ApiError.required(label);
        }
        if (value.canConvertToLong() || (value.isTextual() && value.asText().matches("\\d+"))) {
            return value.asLong();
        }
        throw new ApiError(422, "The " + label + " must be an integer.");
    }

    /**
     * A whole number from 0 to {@code max}: an integer, one in exponent form ({@code 5e9}) or a string of digits;
     * else 422 naming the field.
     */
    long requiredAmount(String name, String label, long max) {
        JsonNode value = field(name);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw ApiError.required(label);
        }
        long amount;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            amount = value.asLong();
        } else if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) < 0x1p62) {
            amount = (long) value.doubleValue();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            amount = Long.parseLong(value.asText());
        } else {
            throw new ApiError(422, "The " + label + " must be a whole number.");
        }
        if (amount < 0 || amount > max) {
            throw new ApiError(422, "The " + label + " must be between 0 and " + max + ".");
        }
        return amount;
    }

    List<String> textList(String name, String label) {
        JsonNode value = field(name);
        if (!value.isArray()) {
            throw new ApiError(422, "The " + label + " must be an array.");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> {
            if (!item.isTextual() && !item.isNumber()) {
                throw new ApiError(422, "The " + label + " must be an array of strings.");
            }
            items.add(item.asText());
        });
        return items;
    }
}
