package io.hostwright.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hostwright.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bodies a route must refuse, made from the document it accepts: not an object, a field of the wrong type, an
 * unknown field, a duplicated key, truncated or trailing text, invalid UTF-8 or base64, more than 64 KiB, nesting
 * thousands deep, numbers beyond any type, malformed strings where a format is expected, random bytes. Each is
 * wrong whatever else it holds, so the route's answer must be a refusal.
 */
final class HostileBodies {

    /** A body as API Gateway hands it on: the text, or base64 of bytes when {@code base64}. */
    record HostileBody(String kind, String body, boolean base64) {
    }

    private static final String PLACEHOLDER = "\u0001nested\u0001";
    private static final int LIMIT = 64 * 1024;

    private HostileBodies() {
    }

    static Arbitrary<HostileBody> of(RouteCase route) {
        return Arbitraries.oneOf(route.bodies().stream().map(base -> of(route, base)).toList());
    }

    private static Arbitrary<HostileBody> of(RouteCase route, ObjectNode base) {
        String text = Json.write(base);
        List<Field> fields = fields(base, "");
        List<Tuple.Tuple2<Integer, Arbitrary<HostileBody>>> kinds = new ArrayList<>(List.of(
                Tuple.of(2, notAnObject()),
                Tuple.of(4, wrongType(base, fields, route)),
                Tuple.of(2, unknownField(base, fields)),
                Tuple.of(2, duplicateKey(base)),
                Tuple.of(1, truncated(text)),
                Tuple.of(1, trailingGarbage(text)),
                Tuple.of(1, invalidUtf8(text)),
                Tuple.of(1, badBase64()),
                Tuple.of(1, randomBytes()),
                Tuple.of(1, oversized(text)),
                Tuple.of(2, deepNesting(base, fields)),
                Tuple.of(2, hugeNumber(base, fields, route))));
        if (fields.stream().anyMatch(f -> f.type() == JsonNodeType.STRING)) {
            kinds.add(Tuple.of(2, halfSurrogate(base, fields)));
        }
        List<Field> formatted = fields.stream().filter(f -> route.formatted().contains(f.pointer())).toList();
        if (!formatted.isEmpty()) {
            kinds.add(Tuple.of(3, malformedString(base, formatted)));
            kinds.add(Tuple.of(2, longWellFormed(base, formatted)));
        }
        if (!route.optional()) {
            kinds.add(Tuple.of(1, Arbitraries.of(new HostileBody("empty", "", false),
                    new HostileBody("absent", null, false))));
        }
        return Arbitraries.frequencyOf(kinds);
    }

    /** A member of the document: its JSON pointer and the kind of value it holds. */
    private record Field(String pointer, JsonNodeType type) {
    }

    private static List<Field> fields(JsonNode node, String pointer) {
        List<Field> fields = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                fields.add(new Field(at, field.getValue().getNodeType()));
                fields.addAll(fields(field.getValue(), at));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                fields.add(new Field(pointer + "/" + i, array.get(i).getNodeType()));
                fields.addAll(fields(array.get(i), pointer + "/" + i));
            }
        }
        return fields;
    }

    private static ObjectNode replaced(ObjectNode base, String pointer, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
        return copy;
    }

    /** The document as text, with non-ASCII escaped as {@code \\uXXXX} or not (escapes are how lone surrogates travel). */
    private static Arbitrary<String> written(ObjectNode document) {
        return Arbitraries.of(false, true).map(escaped -> {
            try {
                return escaped ? Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(document)
                        : Json.MAPPER.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Arbitrary<HostileBody> document(String kind, Arbitrary<ObjectNode> documents) {
        return documents.flatMap(HostileBodies::written).map(text -> new HostileBody(kind, text, false));
    }

    private static Arbitrary<HostileBody> notAnObject() {
        return HostileValues.values(3).filter(v -> !v.isObject())
                .map(v -> new HostileBody("not-an-object", Json.write(v), false));
    }

    private static Arbitrary<HostileBody> wrongType(ObjectNode base, List<Field> fields, RouteCase route) {
        return document("wrong-type", Arbitraries.of(fields).flatMap(field ->
                wrongValueFor(field, route).map(value -> replaced(base, field.pointer(), value))));
    }

    /** A value no field of this kind accepts: another JSON type, never null (null often means "left out"). */
    private static Arbitrary<JsonNode> wrongValueFor(Field field, RouteCase route) {
        Arbitrary<JsonNode> containers = Arbitraries.oneOf(HostileValues.arrays(2), HostileValues.objects(2));
        if (route.takesAnyScalar(field.pointer())) {
            return containers;
        }
        Arbitrary<JsonNode> booleans = Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
        Arbitrary<JsonNode> malformed = HostileValues.malformed(200).map(TextNode::valueOf);
        return switch (field.type()) {
            case STRING -> Arbitraries.oneOf(HostileValues.numbers(), booleans, containers);
            case NUMBER -> Arbitraries.oneOf(booleans, containers, malformed);
            case BOOLEAN -> Arbitraries.oneOf(HostileValues.numbers(), containers, malformed);
            case OBJECT -> Arbitraries.oneOf(HostileValues.arrays(2), HostileValues.numbers(), booleans, malformed);
            case ARRAY -> Arbitraries.oneOf(HostileValues.objects(2), HostileValues.numbers(), booleans, malformed);
            default -> containers;
        };
    }

    private static Arbitrary<HostileBody> unknownField(ObjectNode base, List<Field> fields) {
        List<String> objects = new ArrayList<>(List.of(""));
        fields.stream().filter(f -> f.type() == JsonNodeType.OBJECT).map(Field::pointer).forEach(objects::add);
        return document("unknown-field", Combinators.combine(Arbitraries.of(objects), HostileValues.strings(60),
                HostileValues.values(1)).as((pointer, name, value) -> {
                    ObjectNode copy = base.deepCopy();
                    ObjectNode target = (ObjectNode) (pointer.isEmpty() ? copy : copy.at(pointer));
                    String unknown = "x-" + name;
                    target.set(unknown, value);
                    return copy;
                }));
    }

    /** A member of the document given twice, with its own value or another: which one counts is anyone's guess. */
    private static Arbitrary<HostileBody> duplicateKey(ObjectNode base) {
        List<String> names = new ArrayList<>();
        base.fieldNames().forEachRemaining(names::add);
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(true, false), HostileValues.values(1),
                Arbitraries.of(true, false)).as((name, same, other, first) -> {
                    String member = Json.write(TextNode.valueOf(name)) + ":" + Json.write(same ? base.get(name) : other);
                    String text = Json.write(base);
                    String body = first ? "{" + member + "," + text.substring(1)
                            : text.substring(0, text.length() - 1) + "," + member + "}";
                    return new HostileBody("duplicate-key", body, false);
                });
    }

    private static Arbitrary<HostileBody> truncated(String text) {
        return Arbitraries.integers().between(1, text.length() - 1)
                .map(end -> new HostileBody("truncated", text.substring(0, end), false));
    }

    private static Arbitrary<HostileBody> trailingGarbage(String text) {
        return Combinators.combine(Arbitraries.of("", " ", "\n"), Arbitraries.of("}", "]", "x", "{}", "[]", ",", "1",
                        "null", "\"a\"", "{\"a\":1}", "//", "/* c */", "\u0000", "#"))
                .as((space, garbage) -> new HostileBody("trailing-garbage", text + space + garbage, false));
    }

    /** The document's bytes with a sequence that is not UTF-8 inside its first string. */
    private static Arbitrary<HostileBody> invalidUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int quote = text.indexOf('"') + 1;
        return Arbitraries.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xE2,
                        (byte) 0x82}, new byte[]{(byte) 0xF0, (byte) 0x9F, 0x41}, new byte[]{(byte) 0x80},
                        new byte[]{(byte) 0xC0, (byte) 0xAF})
                .map(bad -> {
                    byte[] spliced = new byte[bytes.length + bad.length];
                    System.arraycopy(bytes, 0, spliced, 0, quote);
                    System.arraycopy(bad, 0, spliced, quote, bad.length);
                    System.arraycopy(bytes, quote, spliced, quote + bad.length, bytes.length - quote);
                    return new HostileBody("invalid-utf8", Base64.getEncoder().encodeToString(spliced), true);
                });
    }

    private static Arbitrary<HostileBody> badBase64() {
        return HostileValues.malformed(200).map(s -> new HostileBody("bad-base64", "%" + s, true));
    }

    private static Arbitrary<HostileBody> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300).map(bytes -> {
            bytes[0] = (byte) (0x80 | bytes[0]);
            return new HostileBody("random-bytes", Base64.getEncoder().encodeToString(bytes), true);
        });
    }

    /** The accepted document padded past 64 KiB with whitespace (still valid JSON) or inside a string. */
    private static Arbitrary<HostileBody> oversized(String text) {
        return Combinators.combine(Arbitraries.integers().between(1, 200_000), Arbitraries.of(true, false))
                .as((extra, spaces) -> {
                    int pad = LIMIT - text.getBytes(StandardCharsets.UTF_8).length + extra;
                    String body = spaces ? text + " ".repeat(pad)
                            : "{\"pad\":\"" + "x".repeat(pad) + "\"," + text.substring(1);
                    return new HostileBody("oversized", body, false);
                });
    }

    /** A member replaced by containers nested 1 to 20 000 deep, of the kind the member is not. */
    private static Arbitrary<HostileBody> deepNesting(ObjectNode base, List<Field> fields) {
        Arbitrary<Integer> depths = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(2, 1500)),
                Tuple.of(1, Arbitraries.integers().between(1500, 20_000)));
        return Combinators.combine(Arbitraries.of(fields), depths).as((field, depth) -> {
            boolean objects = field.type() == JsonNodeType.ARRAY;
            String open = objects ? "{\"a\":" : "[";
            String close = objects ? "}" : "]";
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            String text = Json.write(replaced(base, field.pointer(), TextNode.valueOf(PLACEHOLDER)));
            return new HostileBody("deep-nesting", text.replace(Json.write(TextNode.valueOf(PLACEHOLDER)), nested),
                    false);
        });
    }

    /** A number beyond a long, or a fraction, where a number (or any scalar) goes; elsewhere in a string field. */
    private static Arbitrary<HostileBody> hugeNumber(ObjectNode base, List<Field> fields, RouteCase route) {
        List<Field> numeric = fields.stream().filter(f -> f.type() == JsonNodeType.NUMBER
                || route.takesAnyScalar(f.pointer())).toList();
        List<Field> targets = numeric.isEmpty()
                ? fields.stream().filter(f -> f.type() == JsonNodeType.STRING).toList() : numeric;
        if (targets.isEmpty()) {
            return wrongType(base, fields, route);
        }
        // where any scalar goes, a whole number of any size may be taken as its digits: only fractions are wrong
        return document("huge-number", Arbitraries.of(targets).flatMap(field -> (route.takesAnyScalar(field.pointer())
                        ? HostileValues.fractions()
                        : Arbitraries.oneOf(HostileValues.hugeIntegers(), HostileValues.fractions()))
                .map(number -> replaced(base, field.pointer(), number))));
    }

    private static Arbitrary<HostileBody> malformedString(ObjectNode base, List<Field> formatted) {
        return document("malformed-string", Combinators.combine(Arbitraries.of(formatted), HostileValues.malformed(5000))
                .as((field, value) -> replaced(base, field.pointer(), TextNode.valueOf(value))));
    }

    /** Lower-case letters and digits, as ids are, but 64 to 5000 of them: longer than any id, name or label. */
    private static Arbitrary<HostileBody> longWellFormed(ObjectNode base, List<Field> formatted) {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(8);
        return document("long-id", Combinators.combine(Arbitraries.of(formatted), letters,
                        Arbitraries.integers().between(64, 5000))
                .as((field, unit, length) -> replaced(base, field.pointer(), TextNode.valueOf(
                        ("a" + unit.repeat(length / unit.length() + 1)).substring(0, length)))));
    }

    /**
     * Any string, free text included, holding half of a surrogate pair, escaped as JSON carries it
     * ({@code \\ud800}): no text at all, whatever the field.
     */
    private static Arbitrary<HostileBody> halfSurrogate(ObjectNode base, List<Field> fields) {
        List<Field> strings = fields.stream().filter(f -> f.type() == JsonNodeType.STRING).toList();
        Arbitrary<String> halves = Arbitraries.chars().range(Character.MIN_SURROGATE, Character.MAX_SURROGATE)
                .map(String::valueOf);
        return Combinators.combine(Arbitraries.of(strings), HostileValues.strings(100), halves,
                HostileValues.strings(100)).as((field, before, half, after) -> {
                    // a pair around the half would make it whole again
                    String text = before + "x" + half + "x" + after;
                    try {
                        return new HostileBody("half-surrogate", Json.MAPPER.writer()
                                .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                                .writeValueAsString(replaced(base, field.pointer(), TextNode.valueOf(text))), false);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
