package io.hostwright.local.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code templates.json} ({@code {"templates": [...]}}): OS templates loaded onto connections before their
 * first sync, so the seed's products offer them under ids of the seed's choosing ({@code debian-12}). The sync
 * matches them by {@code internalName} — what the back-end's template source calls them — and keeps their ids,
 * display names and sort order.
 */
public final class TemplateSeedFile {

    private static final Set<String> FIELDS = Set.of("connectionId", "templateId", "internalName", "upstreamId",
            "upstreamName", "displayName", "sortOrder", "tags");

    private TemplateSeedFile() {
    }

    public static List<ConnectionTemplate> read(Path file, Instant now) {
        String source = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CatalogSeedException(source, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogSeedException(source, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("templates").isArray()) {
            throw new CatalogSeedException(source, "", "must be a JSON object with a \"templates\" list and nothing else");
        }
        List<ConnectionTemplate> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        JsonNode list = root.get("templates");
        for (int i = 0; i < list.size(); i++) {
            String at = "templates[" + i + "]";
            JsonNode t = list.get(i);
            if (!t.isObject()) {
                throw new CatalogSeedException(source, at, "must be a JSON object");
            }
            for (Iterator<String> fields = t.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!FIELDS.contains(field)) {
                    throw new CatalogSeedException(source, at + "." + field, "is not a known field; expected one of "
                            + FIELDS.stream().sorted().toList());
                }
            }
            String connectionId = text(source, t, at, "connectionId", true);
            String templateId = text(source, t, at, "templateId", true);
            String internalName = text(source, t, at, "internalName", true);
            if (!ids.add(connectionId + "\n" + templateId)) {
                throw new CatalogSeedException(source, at + ".templateId", "duplicate template \"" + templateId + "\"");
            }
            if (!names.add(connectionId + "\n" + internalName)) {
                throw new CatalogSeedException(source, at + ".internalName", "duplicate internal name \""
                        + internalName + "\"");
            }
            JsonNode sort = t.get("sortOrder");
            if (sort != null && !sort.canConvertToInt()) {
                throw new CatalogSeedException(source, at + ".sortOrder", "must be a whole number");
            }
            List<String> tags = new ArrayList<>();
            t.path("tags").forEach(tag -> tags.add(tag.asText()));
            templates.add(new ConnectionTemplate(connectionId, templateId, internalName,
                    text(source, t, at, "upstreamId", true), text(source, t, at, "upstreamName", false),
                    text(source, t, at, "displayName", false), sort == null ? 0 : sort.intValue(), tags, false, now,
                    null));
        }
        return List.copyOf(templates);
    }

    private static String text(String source, JsonNode node, String at, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new CatalogSeedException(source, at + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new CatalogSeedException(source, at + "." + field, "must be a non-blank string");
        }
        return value.textValue();
    }
}
