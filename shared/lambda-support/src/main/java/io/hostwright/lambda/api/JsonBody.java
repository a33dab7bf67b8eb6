package io.hostwright.lambda.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read as a JSON object, with typed accessors that collect every type error by field path (e.g.
 * {@code options.ipv4}) instead of failing on the first. Call {@link #throwIfInvalid()} after reading.
 */
public final class JsonBody {

    /**
     * Stricter than {@link Json#MAPPER}: a key given twice, or anything after the document, is refused. Two readers of
     * one body (a gateway, a WAF, a client library) must never see two different requests in it.
     */
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode root;
    private final List<Violation> violations = new ArrayList<>();

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    public static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            throw InvalidRequest.of("body", "is required: send a JSON object");
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            // a limit (nesting depth, number length) is broken with no location
            JsonLocation at = e.getLocation();
            throw InvalidRequest.of("body", "is not valid JSON (" + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        } catch (IOException e) {
            throw InvalidRequest.of("body", "could not be read");
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object");
        }
        List<Violation> halves = new ArrayList<>();
        unpairedSurrogates(node, "", halves);
        if (!halves.isEmpty()) {
            throw new InvalidRequest(halves);
        }
        return new JsonBody((ObjectNode) node);
    }

    /**
     * JSON may escape half of a surrogate pair ({@code "\\ud800"}), which is no text at all: stored, it came back as
     * {@code ?}. Every string and name at fault is named.
     */
    private static void unpairedSurrogates(JsonNode node, String path, List<Violation> found) {
        if (node.isTextual() && unpaired(node.textValue())) {
            found.add(new Violation(path.isEmpty() ? "body" : path, "holds half of a surrogate pair; send valid Unicode"));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (unpaired(field.getKey())) {
                    found.add(new Violation(path.isEmpty() ? "body" : path,
                            "has a field name with half of a surrogate pair; send valid Unicode"));
                } else {
                    unpairedSurrogates(field.getValue(), at, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unpairedSurrogates(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static boolean unpaired(String text) {
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** The whole body, for readers that check a document field by field themselves (a product, a connection). */
    public JsonNode root() {
        return root;
    }

    /** Records a violation for each field of the object at {@code path} (empty = root) not in {@code allowed}. */
    public JsonBody allowOnly(String path, Set<String> allowed) {
        JsonNode node = path.isEmpty() ? root : root.at(pointer(path));
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    violations.add(new Violation(path.isEmpty() ? name : path + "." + name, "is not a known field"));
                }
            }
        }
        return this;
    }

    /** A string, or null when absent or JSON null. */
    public String string(String path) {
        JsonNode node = root.at(pointer(path));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(path, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    /** A string that must be an id ({@link Ids}: it is looked up), or null when absent or JSON null. */
    public String id(String path) {
        String value = string(path);
        String why = value == null ? null : Ids.whyNot(value);
        if (why != null) {
            violations.add(new Violation(path, why));
            return null;
        }
        return value;
    }

    /** A whole number in int range, or null when absent or JSON null. */
    public Integer integer(String path) {
        JsonNode node = root.at(pointer(path));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            violations.add(new Violation(path, "must be a whole number"));
            return null;
        }
        return node.intValue();
    }

    /**
     * The fields of the object at {@code path} as plain values — Integer or Long for whole numbers, Double, String,
     * Boolean — for rules declared elsewhere (a product's order options); null when absent. Lists, objects, nulls and
     * numbers beyond a long are violations naming their field.
     */
    public Map<String, Object> scalars(String path) {
        JsonNode node = root.at(pointer(path));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(new Violation(path, "must be an object"));
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                values.put(field.getKey(), value.canConvertToInt() ? (Object) value.intValue() : value.longValue());
            } else if (value.isIntegralNumber()) {
                violations.add(new Violation(at, "is too large"));
            } else if (value.isNumber()) {
                values.put(field.getKey(), value.doubleValue());
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.booleanValue());
            } else {
                violations.add(new Violation(at, "must be a number, a string or true/false"));
            }
        }
        return values;
    }

    /** Records a violation if the value at {@code path} is present and not an object. */
    public JsonBody object(String path) {
        JsonNode node = root.at(pointer(path));
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            violations.add(new Violation(path, "must be an object"));
        }
        return this;
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    private static String pointer(String path) {
        return "/" + path.replace(".", "/");
    }
}
