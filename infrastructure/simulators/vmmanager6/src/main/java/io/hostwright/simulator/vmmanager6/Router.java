package io.hostwright.simulator.vmmanager6;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template → endpoint. Literal segments win over placeholders.
 */
final class Router {

    @FunctionalInterface
    interface Endpoint {
        Object handle(ApiRequest request);
    }

    record Route(String method, String template, List<String> segments, Endpoint endpoint) {
    }

    sealed interface Match {
    }

    record Found(Route route, Map<String, String> params) implements Match {
    }

    record WrongMethod(String template, Set<String> allowed) implements Match {
    }

    record NotFound() implements Match {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template, PathPattern.split(template), endpoint));
        return this;
    }

    Match match(String method, String path) {
        List<String> segments = PathPattern.split(path);
        int mostLiterals = -1;
        List<Route> candidates = new ArrayList<>();
        for (Route route : routes) {
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
            return new NotFound();
        }
        Set<String> allowed = new TreeSet<>();
        for (Route route : candidates) {
            if (route.method().equals(method)) {
                return new Found(route, bind(route.segments(), segments));
            }
            allowed.add(route.method());
        }
        return new WrongMethod(candidates.getFirst().template(), allowed);
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
