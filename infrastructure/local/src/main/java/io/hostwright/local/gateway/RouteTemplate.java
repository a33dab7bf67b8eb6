package io.hostwright.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A route path in API Gateway syntax ({@code /v1/orders/{orderId}}): literal segments match exactly (case
 * sensitive), a {@code {param}} segment matches one non-empty segment whose percent-decoded value becomes the path
 * parameter.
 */
public record RouteTemplate(String template, List<String> segments) {

    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}))+");

    /**
     * API Gateway picks the most specific route: at the first segment where two routes differ, a literal beats a
     * parameter.
     */
    public static final Comparator<RouteTemplate> MOST_SPECIFIC_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            boolean aParam = isParameter(a.segments.get(i));
            boolean bParam = isParameter(b.segments.get(i));
            if (aParam != bParam) {
                return aParam ? 1 : -1;
            }
        }
        return 0;
    };

    public RouteTemplate {
        segments = List.copyOf(segments);
    }

    public static RouteTemplate parse(String template) {
        if (template == null || !PATH.matcher(template).matches()) {
            throw new IllegalArgumentException("route path must look like /v1/things/{id}: " + template);
        }
        return new RouteTemplate(template, List.of(template.substring(1).split("/")));
    }

    /** The path parameters when {@code rawPath} (as received, still percent-encoded) fits, else empty. */
    public Optional<Map<String, String>> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(parts[i]));
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        segments.stream().filter(RouteTemplate::isParameter)
                .forEach(s -> names.add(s.substring(1, s.length() - 1)));
        return names;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }

    /** Percent-decoding of a path segment: unlike a query string, {@code +} is a plus here. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
