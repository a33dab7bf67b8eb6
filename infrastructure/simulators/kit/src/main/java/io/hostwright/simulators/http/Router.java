package io.hostwright.simulators.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template → endpoint. Literal segments win over placeholders (TenantOS's
 * {@code /api/servers/getByTags} over {@code /api/servers/{id}}). Each simulator brings its own endpoint type
 * {@code E} (a handler of its own request type).
 *
 * @param <E> what a route leads to
 */
public final class Router<E> {

    /** One registered route; {@code segments} are the template's, as {@link PathPattern#split} gives them. */
    public record Route<E>(String method, String template, List<String> segments, E endpoint) {
    }

    /** What {@link #match} found: {@link Found}, {@link WrongMethod} or {@link NotFound}. */
    public sealed interface Match<E> permits Found, WrongMethod, NotFound {
    }

    /** The route, and its placeholders' values by name ({@code {id}} → {@code id}). */
    public record Found<E>(Route<E> route, Map<String, String> params) implements Match<E> {
    }

    /** The path matches {@code template}, but only for the {@code allowed} methods. */
    public record WrongMethod<E>(String template, Set<String> allowed) implements Match<E> {
    }

    /** No route has that path. */
    public record NotFound<E>() implements Match<E> {
    }

    private final List<Route<E>> routes = new ArrayList<>();

    /** Adds a route; {@code template} names placeholders as {@code {name}}. */
    public Router<E> add(String method, String template, E endpoint) {
        routes.add(new Route<>(method, template, PathPattern.split(template), endpoint));
        return this;
    }

    /** The route for a request, among those whose template has the most literal segments matching the path. */
    public Match<E> match(String method, String path) {
        List<String> segments = PathPattern.split(path);
        int mostLiterals = -1;
        List<Route<E>> candidates = new ArrayList<>();
        for (Route<E> route : routes) {
            if (bind(route.segments(), segments) == null) {
                continue;
            }
            int literals = (int) route.segments().stream().filter(s -> !PathPattern.isPlaceholder(s)).count();
            if (literals > mostLiterals) {
                mostLiterals = literals;
                candidates.clear();
            }
            if (literals == mostLiterals) {
                candidates.add(route);
            }
        }
        if (candidates.isEmpty()) {
            return new NotFound<>();
        }
        Set<String> allowed = new TreeSet<>();
        for (Route<E> route : candidates) {
            if (route.method().equals(method)) {
                return new Found<>(route, bind(route.segments(), segments));
            }
            allowed.add(route.method());
        }
        return new WrongMethod<>(candidates.getFirst().template(), allowed);
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (PathPattern.isPlaceholder(t)) {
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
