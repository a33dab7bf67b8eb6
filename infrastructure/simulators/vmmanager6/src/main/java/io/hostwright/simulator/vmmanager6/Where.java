package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * VMmanager's {@code where=} filter language, URL-decoded: conditions {@code (field EQ 'value')},
 * {@code (field NE 'value')}, {@code (field CP 'part')} (contains, ignoring case), {@code (field IS null)},
 * {@code (field IS NOT null)}, combined with {@code AND} / {@code OR} (AND binds tighter) and parentheses. Words are
 * separated by spaces or {@code +}; keywords in any case; values in single quotes ({@code \'} and {@code \\} escape)
 * or bare words. Fields may be dotted ({@code account.email}) and reach into arrays ({@code ip4.ip}: any element).
 * Everything compares as text: {@code 5} and {@code '5'} are alike.
 */
final class Where {

    private enum Kind { OPEN, CLOSE, STRING, WORD }

    private record Token(Kind kind, String text) {
    }

    private final List<Token> tokens;
    private int next;

    private Where(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws IllegalArgumentException when the text is not a filter */
    static Predicate<JsonNode> parse(String text) {
        Where parser = new Where(tokenize(text));
        if (parser.tokens.isEmpty()) {
            throw new IllegalArgumentException("empty filter");
        }
        Predicate<JsonNode> filter = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.next).text() + "'");
        }
        return filter;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (keyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unit();
        while (keyword("AND")) {
            left = left.and(unit());
        }
        return left;
    }

    private Predicate<JsonNode> unit() {
        Token token = take();
        if (token.kind() == Kind.OPEN) {
            Predicate<JsonNode> inner = or();
            if (take().kind() != Kind.CLOSE) {
                throw new IllegalArgumentException("missing ')'");
            }
            return inner;
        }
        if (token.kind() != Kind.WORD || !token.text().matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException("expected a field, got '" + token.text() + "'");
        }
        String field = token.text();
        String op = take().text().toUpperCase(Locale.ROOT);
        return switch (op) {
            case "EQ" -> {
                String value = value();
                yield node -> leaves(node, field).stream().anyMatch(v -> v.asText().equals(value));
            }
            case "NE" -> {
                String value = value();
                yield node -> leaves(node, field).stream().noneMatch(v -> v.asText().equals(value));
            }
            case "CP" -> {
                String value = value().toLowerCase(Locale.ROOT);
                yield node -> leaves(node, field).stream()
                        .anyMatch(v -> v.asText().toLowerCase(Locale.ROOT).contains(value));
            }
            case "IS" -> {
                boolean not = keyword("NOT");
                if (!keyword("NULL")) {
                    throw new IllegalArgumentException("expected null after IS");
                }
                Predicate<JsonNode> isNull = node -> leaves(node, field).isEmpty();
                yield not ? isNull.negate() : isNull;
            }
            default -> throw new IllegalArgumentException("unknown operator '" + op + "'");
        };
    }

    private String value() {
        Token token = take();
        if (token.kind() == Kind.STRING || (token.kind() == Kind.WORD && !isKeyword(token.text()))) {
            return token.text();
        }
        throw new IllegalArgumentException("expected a value, got '" + token.text() + "'");
    }

    private boolean keyword(String word) {
        if (next < tokens.size() && tokens.get(next).kind() == Kind.WORD
                && tokens.get(next).text().equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private Token take() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of filter");
        }
        return tokens.get(next++);
    }

    private static boolean isKeyword(String word) {
        return List.of("AND", "OR", "EQ", "NE", "CP", "IS", "NOT").contains(word.toUpperCase(Locale.ROOT));
    }

    /** The non-null scalar values at {@code field}, arrays on the way flattened. */
    static List<JsonNode> leaves(JsonNode node, String field) {
        List<JsonNode> current = List.of(node);
        for (String part : field.split("\\.")) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode n : current) {
                collect(n.path(part), found);
            }
            current = found;
        }
        return current.stream().filter(n -> !n.isNull() && !n.isMissingNode()).toList();
    }

    private static void collect(JsonNode value, List<JsonNode> into) {
        if (value.isArray()) {
            value.forEach(into::add);
        } else if (!value.isMissingNode()) {
            into.add(value);
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '+') {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    char q = text.charAt(i++);
                    if (q == '\'') {
                        break;
                    }
                    if (q == '\\' && i < text.length()) {
                        q = text.charAt(i++);
                    }
                    value.append(q);
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "+()'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i)));
            }
        }
        return tokens;
    }
}
