package io.hostwright.benchmark.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Small pure helpers of the lifecycle phase's figures. */
public final class LifecycleFigures {

    /** An accepted operation that had not ended when the watch gave up. */
    public static final String NOT_ENDED = "not ended";
    /** How operations can end, in the order they are printed; anything else comes after. */
    public static final List<String> ENDINGS = List.of("SUCCEEDED", "FAILED", "NEEDS_ATTENTION", NOT_ENDED);

    private LifecycleFigures() {
    }

    /** The text on one line, cut at {@code max} characters with "..." when longer; "" for null. */
    public static String flat(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    /** Endings → count, in {@link #ENDINGS} order, then the others by name. */
    public static Map<String, Integer> ordered(Map<String, Integer> endings) {
        Map<String, Integer> out = new LinkedHashMap<>();
        ENDINGS.stream().filter(endings::containsKey).forEach(e -> out.put(e, endings.get(e)));
        new TreeMap<>(endings).forEach(out::putIfAbsent);
        return out;
    }

    /** Routes → how often each occurs, the most frequent first (ties by name). */
    public static Map<String, Long> byRoute(Collection<String> routes) {
        Map<String, Long> counts = new TreeMap<>();
        routes.forEach(r -> counts.merge(r, 1L, Long::sum));
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The keys of several stages' counts, the ones with the most calls over all stages first (ties by name), so a
     * table of them reads from what matters most.
     */
    public static List<String> keysByTotal(Collection<Map<String, Long>> stages) {
        Map<String, Long> totals = new TreeMap<>();
        stages.forEach(stage -> stage.forEach((key, n) -> totals.merge(key, n, Long::sum)));
        List<String> keys = new ArrayList<>(totals.keySet());
        keys.sort(Comparator.comparing((String k) -> -totals.get(k)).thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    /** The functions that made calls in any of the stages (function → Service.Operation → calls). */
    public static Set<String> functions(Collection<Map<String, Map<String, Long>>> stages) {
        Set<String> out = new TreeSet<>();
        stages.forEach(stage -> stage.forEach((function, calls) -> {
            if (calls.values().stream().mapToLong(Long::longValue).sum() > 0) {
                out.add(function);
            }
        }));
        return out;
    }

    /** Calls per unit (operation or request), "-" when there were none, blank when no call was made. */
    public static String per(long calls, int units) {
        if (calls == 0) {
            return "";
        }
        return units == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", (double) calls / units);
    }

    public static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }
}
