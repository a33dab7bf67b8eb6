package io.hostwright.domain.backend;

import io.hostwright.domain.problem.Violation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a back-end's own settings (a product's {@code moduleSettings}, a connection's {@code settings}: JSON-like
 * maps, lists, strings, numbers and booleans) into typed values, collecting every problem with its field path
 * instead of failing on the first. A back-end checks its settings with it when they are saved and reads them with
 * it when it runs.
 */
public final class SettingsReader {

    private final Map<String, Object> values;
    private final String path;
    private final List<Violation> violations;

    public SettingsReader(Map<String, Object> values, String path) {
        this(values, path, new ArrayList<>());
    }

    private SettingsReader(Map<String, Object> values, String path, List<Violation> violations) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
        this.violations = violations;
    }

    /** The settings under {@code key} (absent: empty), sharing this reader's problems. */
    public SettingsReader section(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new SettingsReader(Map.of(), at(key), violations);
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "must be an object");
            return new SettingsReader(Map.of(), at(key), violations);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return new SettingsReader(copy, at(key), violations);
    }

    /** The objects of the list under {@code key} (absent: none), each sharing this reader's problems. */
    public List<SettingsReader> sections(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "must be a list of objects");
            return List.of();
        }
        List<SettingsReader> sections = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                sections.add(new SettingsReader(copy, at(key) + "[" + i + "]", violations));
            } else {
                problem(key + "[" + i + "]", "must be an object");
            }
        }
        return sections;
    }

    /** An object whose values are strings (absent: empty). */
    public Map<String, String> textMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "must be an object of strings");
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String text && !text.isBlank()) {
                texts.put(String.valueOf(k), text);
            } else {
                problem(key + "." + k, "must be a non-blank string");
            }
        });
        return texts;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String text(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            problem(key, "must be a string");
            return fallback;
        }
        return text;
    }

    public String requiredText(String key) {
        if (!has(key)) {
            problem(key, "is required");
            return null;
        }
        String text = text(key, null);
        if (text != null && text.isBlank()) {
            problem(key, "must not be blank");
        }
        return text;
    }

    public long whole(String key, long fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            problem(key, "must be a whole number");
            return fallback;
        }
        return ((Number) value).longValue();
    }

    public long requiredWhole(String key) {
        if (!has(key)) {
            problem(key, "is required");
            return 0;
        }
        return whole(key, 0);
    }

    /** A whole number, or null when absent. */
    public Long optionalWhole(String key) {
        return has(key) ? whole(key, 0) : null;
    }

    public boolean flag(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            problem(key, "must be true or false");
            return fallback;
        }
        return flag;
    }

    /** An ISO-8601 duration such as {@code PT30M}. */
    public Duration duration(String key, Duration fallback) {
        String text = text(key, null);
        if (text == null) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                problem(key, "must be a positive duration");
                return fallback;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problem(key, "must be an ISO-8601 duration such as PT30M, not \"" + text + "\"");
            return fallback;
        }
    }

    /** A list of strings (absent: empty). */
    public List<String> texts(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            problem(key, "must be a list of strings");
            return List.of();
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A list of whole numbers, e.g. ids (absent: empty). */
    public List<Long> wholeList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof Integer || v instanceof Long))) {
            problem(key, "must be a list of whole numbers");
            return List.of();
        }
        return list.stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** An object whose values are whole numbers (absent: empty). */
    public Map<String, Long> wholes(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "must be an object of whole numbers");
            return Map.of();
        }
        Map<String, Long> wholes = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                wholes.put(String.valueOf(k), ((Number) v).longValue());
            } else {
                problem(key + "." + k, "must be a whole number");
            }
        });
        return wholes;
    }

    /** Records a problem for each key not in {@code known}, so a typo never passes silently. */
    public SettingsReader onlyKnown(Set<String> known) {
        values.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problem(k, "is not a known setting; known: " + known.stream().sorted().toList()));
        return this;
    }

    public void problem(String key, String message) {
        violations.add(new Violation(at(key), message));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
