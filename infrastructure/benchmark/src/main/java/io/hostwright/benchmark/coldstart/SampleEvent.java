package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The event a cold start's first invocation gets, and where it came from ({@code events/…} or built here when the
 * directory has none for the trigger).
 *
 * <p>Every run gets its own copy ({@link #freshCopy}) made new where the function would otherwise find its work done
 * by an earlier run: the {@code Idempotency-Key} of an order (else runs after the first are replays) and the
 * {@code serviceId} of a mail request (else the mail log says "already sent").
 */
public record SampleEvent(String eventType, String source, boolean builtInCode, JsonNode json) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    public static SampleEvent fromFile(String eventType, Path file, Path root) {
        try {
            return new SampleEvent(eventType, root.relativize(file).toString(), false, MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + file, e);
        }
    }

    /** A copy for run {@code tag}, written to {@code directory}. */
    public Path freshCopy(String tag, Path directory) {
        ObjectNode copy = (ObjectNode) json.deepCopy();
        if (copy.get("headers") instanceof ObjectNode headers) {
            Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> header = fields.next();
                if (header.getKey().equalsIgnoreCase("idempotency-key")) {
                    header.setValue(headers.textNode(header.getValue().asText() + "-" + tag));
                }
            }
        }
        if (copy.get("requestContext") instanceof ObjectNode context && context.has("requestId")) {
            context.put("requestId", UUID.randomUUID().toString());
        }
        if (copy.get("Records") instanceof ArrayNode records) {
            for (JsonNode record : records) {
                if (record instanceof ObjectNode message) {
                    message.put("messageId", UUID.randomUUID().toString());
                    message.put("body", freshBody(message.path("body").asText(""), tag));
                }
            }
        }
        if (copy.has("detail-type") && copy.has("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        Path file = directory.resolve(tag + ".json");
        try {
            Files.createDirectories(directory);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static String freshBody(String body, String tag) {
        try {
            if (MAPPER.readTree(body) instanceof ObjectNode request && request.path("serviceId").isTextual()) {
                request.put("serviceId", request.get("serviceId").asText() + "-" + tag);
                if (request.get("variables") instanceof ObjectNode variables && variables.path("serviceId").isTextual()) {
                    variables.put("serviceId", request.get("serviceId").asText());
                }
                return MAPPER.writeValueAsString(request);
            }
        } catch (IOException notJson) {
            // not a JSON body: sent as it is
        }
        return body;
    }

    /** The body of an API event as JSON, when it has one. */
    public Optional<JsonNode> apiBody() {
        JsonNode body = json.get("body");
        if (body == null || !body.isTextual()) {
            return Optional.empty();
        }
        String text = json.path("isBase64Encoded").asBoolean(false)
                ? new String(Base64.getDecoder().decode(body.asText()), StandardCharsets.UTF_8)
                : body.asText();
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The product an API event names, in its path or its order body. */
    public Optional<String> productId() {
        String inPath = json.path("pathParameters").path("productId").asText("");
        if (!inPath.isEmpty()) {
            return Optional.of(inPath);
        }
        return apiBody().map(b -> b.path("productId").asText("")).filter(id -> !id.isEmpty());
    }
}
