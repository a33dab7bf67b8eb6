package io.hostwright.coldstart;

/** A flat JSON object built field by field, without loading a JSON library into the JVM being measured. */
final class JsonLine {

    private final StringBuilder fields = new StringBuilder();

    JsonLine add(String name, String value) {
        return field(name, value == null ? "null" : quote(value));
    }

    JsonLine add(String name, double value) {
        return field(name, Double.isFinite(value) ? String.valueOf(value) : "null");
    }

    JsonLine add(String name, long value) {
        return field(name, String.valueOf(value));
    }

    /** The fields and the closing brace, to follow an opening that already holds a first field. */
    String body() {
        return fields + "}";
    }

    String object() {
        return "{" + body();
    }

    private JsonLine field(String name, String json) {
        if (!fields.isEmpty()) {
            fields.append(',');
        }
        fields.append(quote(name)).append(':').append(json);
        return this;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // ASCII only: the probe's stdout encoding follows a locale the benchmark does not set
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
