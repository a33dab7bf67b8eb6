package io.hostwright.simulators.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a fault or a call count is about: {@code "POST /vm/v3/host/{id}/reinstall"} (any host),
 * {@code "POST /vm/v3/host/101/reinstall"} (host 101 only), or without a method ({@code "/vm/v3/host/{id}"}) for
 * every method. A placeholder matches where the route has a placeholder, whatever its name; a literal segment must
 * equal the request's.
 *
 * @param method   the upper-case HTTP method, or {@code "*"} for any
 * @param segments the path's non-empty segments; {@code {name}} or {@code *} stand for a placeholder
 */
public record PathPattern(String method, List<String> segments) {

    /**
     * Reads {@code "METHOD /path"} or {@code "/path"} (any method).
     *
     * @throws IllegalArgumentException when the path does not start with {@code /}
     */
    public static PathPattern parse(String text) {
        String trimmed = text.trim();
        int space = trimmed.indexOf(' ');
        String method = space < 0 ? "*" : trimmed.substring(0, space).trim().toUpperCase(Locale.ROOT);
        String path = space < 0 ? trimmed : trimmed.substring(space + 1).trim();
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Expected \"METHOD /path\" or \"/path\", got: " + text);
        }
        return new PathPattern(method, split(path));
    }

    /** {@code template} is the route's (the raw path when no route matched), {@code path} the request's. */
    public boolean matches(String requestMethod, String template, String path) {
        if (!method.equals("*") && !method.equals(requestMethod)) {
            return false;
        }
        List<String> templateSegments = split(template);
        List<String> pathSegments = split(path);
        if (segments.size() != templateSegments.size() || segments.size() != pathSegments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String wanted = segments.get(i);
            boolean ok = isPlaceholder(wanted)
                    ? isPlaceholder(templateSegments.get(i))
                    : wanted.equals(pathSegments.get(i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The same method and segments, any placeholder standing for any other ({@code {id}} = {@code *}). */
    public boolean sameAs(PathPattern other) {
        if (!method.equals(other.method) || segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String mine = segments.get(i);
            String theirs = other.segments.get(i);
            boolean same = isPlaceholder(mine) ? isPlaceholder(theirs) : mine.equals(theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (method.equals("*") ? "" : method + " ") + "/" + String.join("/", segments);
    }

    /** {@code *} or {@code {name}}. */
    public static boolean isPlaceholder(String segment) {
        return segment.equals("*") || (segment.startsWith("{") && segment.endsWith("}"));
    }

    /** The non-empty segments of {@code path}: {@code "/a//b/"} gives {@code [a, b]}. */
    public static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
