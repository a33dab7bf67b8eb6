package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapper, ordered JSON objects and writing an answer. Instants are ISO-8601 strings. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private Json() {
    }

    /** An ordered object from alternating keys and values; null values stay. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.invalid("body", "not valid JSON");
        }
    }

    /** The JSON tree of any answer, as filters and ordering read it. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} null: no body at all (VMmanager's 503 while asleep). */
    static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, bytes(body));
    }

    static void sendHtml(HttpExchange exchange, int status, String title, String text) throws IOException {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        byte[] bytes = ("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + escaped
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        write(exchange, status, bytes);
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
