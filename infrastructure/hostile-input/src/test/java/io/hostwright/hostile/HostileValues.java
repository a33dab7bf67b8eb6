package io.hostwright.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Hostile strings, numbers and JSON values: long and odd Unicode (lone surrogates, right-to-left overrides,
 * zero-width and control characters, NUL, emoji), numbers beyond any type, and JSON of every shape.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Control and non-ASCII characters, none of them whitespace: never in a key, an id or a hostname. */
    static final List<String> NOT_ASCII = List.of("\u0000", "\u202E", "\u202D", "\u200B", "\u200D", "\uFEFF",
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u0301", "\u001B", "\u007F", "\uFFFE", "\uFFFF",
            "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD835\uDD4F", "\uFDFA", "\u0639", "\u4E2D\u6587",
            "\u00A0", "\u0130", "\u00DF", "\u0085");

    /** Punctuation that breaks ids, hostnames and names from a list, but not an ASCII key. */
    static final List<String> PUNCTUATION = List.of("%00", "%2F", "../", "..\\", "\"", "'", "\\", "<script>",
            "${jndi:ldap://x}", "{{name}}", "#", "/", "?", "&", "=", "*", "|", ";", ",");

    static final List<String> NASTY = java.util.stream.Stream.concat(NOT_ASCII.stream(), PUNCTUATION.stream())
            .toList();

    private static final List<String> TOKENS = List.of("a", "Z", "0", "9", "-", "_", ".", " ", "\t", "\r\n", "\n",
            "svc_", "ord_", "op_", "debian", "null", "true", "[]", "{}", "\u2028", "\u2029");

    private HostileValues() {
    }

    static Arbitrary<String> nastyToken() {
        return Arbitraries.of(NASTY);
    }

    /** Short strings of tokens, nasty characters and arbitrary UTF-16 units (lone surrogates included). */
    static Arbitrary<String> shortStrings() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TOKENS)),
                Tuple.of(3, nastyToken()),
                Tuple.of(2, Arbitraries.chars().all().map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().ascii().map(String::valueOf)));
        return token.list().ofMaxSize(24).map(parts -> String.join("", parts));
    }

    /** Strings of 0 to {@code maxLength} UTF-16 units, mostly short, some up to the limit. */
    static Arbitrary<String> strings(int maxLength) {
        Arbitrary<String> repeated = Combinators.combine(shortStrings().filter(s -> !s.isEmpty()),
                        Arbitraries.integers().between(1, maxLength))
                .as((unit, length) -> unit.repeat(length / unit.length() + 1).substring(0, length));
        return Arbitraries.frequencyOf(
                Tuple.of(5, shortStrings()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(Math.min(64, maxLength))),
                Tuple.of(2, repeated),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(Math.min(200, maxLength)).ofMaxLength(maxLength)));
    }

    /** A string that is never a valid id, list entry or hostname: a nasty character between two letters. */
    static Arbitrary<String> malformed(int maxLength) {
        return Combinators.combine(strings(maxLength / 2), nastyToken(), strings(maxLength / 2))
                .as((before, nasty, after) -> "x" + before + nasty + after + "x");
    }

    /** A string that is never visible ASCII only: a control or non-ASCII character between two letters. */
    static Arbitrary<String> notAscii(int maxLength) {
        return Combinators.combine(strings(maxLength / 2), Arbitraries.of(NOT_ASCII), strings(maxLength / 2))
                .as((before, nasty, after) -> "x" + before + nasty + after + "x");
    }

    /** Numbers of every size and kind: zero, extremes of each type, beyond a long, fractions, huge exponents. */
    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().map(NODES::numberNode)),
                Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(2, hugeIntegers()),
                Tuple.of(2, fractions()),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)));
    }

    /** Whole numbers beyond a long (up to 1200 digits: past Jackson's 1000-digit limit too). */
    static Arbitrary<JsonNode> hugeIntegers() {
        return Combinators.combine(Arbitraries.integers().between(20, 1200), Arbitraries.of(1, -1))
                .as((digits, sign) -> NODES.numberNode(BigInteger.TEN.pow(digits).add(BigInteger.valueOf(7))
                        .multiply(BigInteger.valueOf(sign))));
    }

    /** Never a whole number: halves, tiny and huge exponents. */
    static Arbitrary<JsonNode> fractions() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().map(i -> NODES.numberNode(new BigDecimal(i).add(new BigDecimal("0.5"))))),
                Tuple.of(1, Arbitraries.integers().between(309, 100_000)
                        .map(e -> NODES.numberNode(new BigDecimal("1.5e" + e)))),
                Tuple.of(1, Arbitraries.integers().between(-100_000, -1)
                        .map(e -> NODES.numberNode(new BigDecimal("2.5e" + e)))));
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false))),
                Tuple.of(3, numbers()),
                Tuple.of(4, strings(300).map(NODES::textNode)));
    }

    /** Any JSON value, nested up to {@code depth} levels. */
    static Arbitrary<JsonNode> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars()),
                Tuple.of(1, arrays(depth)),
                Tuple.of(1, objects(depth)));
    }

    static Arbitrary<JsonNode> arrays(int depth) {
        return Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(5).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }

    static Arbitrary<JsonNode> objects(int depth) {
        return Arbitraries.maps(strings(40), Arbitraries.lazy(() -> values(depth - 1))).ofMaxSize(5).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
    }

    /** Content types a client might send with a body, right and wrong. */
    static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml",
                        "application/json; charset=utf-16", "application/octet-stream", "", "*/*",
                        "application/problem+json", "text/html; charset=iso-8859-1")),
                Tuple.of(1, strings(200)));
    }
}
