package io.hostwright.local.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.Json;
import io.hostwright.json.catalog.ConnectionReader;
import io.hostwright.json.catalog.ProductReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the seed files — {@code catalog.json} ({@code {"products": [...]}}) and {@code connections.json}
 * ({@code {"connections": [...]}}), see {@code infrastructure/local/seed/} — with the same strict readers the staff
 * API uses: an unknown or mistyped field is an error naming its JSON path. Independent of the laptop runtime, so
 * any loader can reuse it.
 */
public final class CatalogSeedFile {

    private CatalogSeedFile() {
    }

    /** The products of a seed file, in file order. */
    public static List<Product> read(Path file) {
        return parse(text(file), file.toString());
    }

    /** The products of seed JSON; {@code source} names it in errors. */
    public static List<Product> parse(String json, String source) {
        return list(json, source, "products", ProductReader::read, Product::productId, "product");
    }

    /** The connections of a seed file, in file order. */
    public static List<Connection> readConnections(Path file) {
        return parseConnections(text(file), file.toString());
    }

    public static List<Connection> parseConnections(String json, String source) {
        return list(json, source, "connections", ConnectionReader::read, Connection::connectionId, "connection");
    }

    private static <T> List<T> list(String json, String source, String field, BiFunction<JsonNode, String, T> reader,
                                     Function<T, String> id, String what) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogSeedException(source, "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.has(field)) {
            throw new CatalogSeedException(source, "", "must be a JSON object with a \"" + field + "\" list and nothing else");
        }
        JsonNode list = root.get(field);
        if (!list.isArray() || list.isEmpty()) {
            throw new CatalogSeedException(source, field, "must be a non-empty list");
        }
        List<T> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = field + "[" + i + "]";
            T item;
            try {
                item = reader.apply(list.get(i), path);
            } catch (InvalidRequest invalid) {
                Violation first = invalid.violations().getFirst();
                throw new CatalogSeedException(source, first.field(), first.message()
                        + (invalid.violations().size() > 1 ? " (and " + (invalid.violations().size() - 1)
                        + " more: " + invalid.violations().subList(1, invalid.violations().size()) + ")" : ""));
            }
            if (!ids.add(id.apply(item))) {
                throw new CatalogSeedException(source, path + "." + what + "Id", "duplicate " + what + " id \""
                        + id.apply(item) + "\"");
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogSeedException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }
}
