package io.hostwright.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /docs}: the OpenAPI document as one self-contained HTML page, made on the server from the YAML — an
 * index of operations (method, path, who may call it, summary), each operation with its parameters, body and
 * answers, and every schema with its properties; references are links within the page. No scripts and nothing
 * loaded from elsewhere, so it works offline.
 */
final class ApiDocumentPage {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final int MAX_NESTING = 4;

    private final JsonNode document;
    private final StringBuilder html = new StringBuilder(256 * 1024);

    private ApiDocumentPage(JsonNode document) {
        this.document = document;
    }

    static String render(JsonNode document, String yamlPath) {
        return new ApiDocumentPage(document).page(yamlPath);
    }

    private String page(String yamlPath) {
        JsonNode info = document.path("info");
        String title = info.path("title").asText("API") + " " + info.path("version").asText("");
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title.strip())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<header><h1>").append(escape(info.path("title").asText("API")))
                .append(" <small>").append(escape(info.path("version").asText(""))).append("</small></h1>")
                .append("<p>The document itself: <a href=\"").append(escape(yamlPath)).append("\">")
                .append(escape(yamlPath.substring(1))).append("</a> (OpenAPI ")
                .append(escape(document.path("openapi").asText("?"))).append("). ")
                .append("<a href=\"#operations\">Operations</a> · <a href=\"#schemas\">Schemas</a></p></header>\n");
        text(info.path("description").asText(""));
        index();
        operations();
        schemas();
        html.append("</body></html>\n");
        return html.toString();
    }

    private void index() {
        html.append("<h2 id=\"operations\">Operations</h2>\n<table class=\"index\"><thead><tr><th>Method</th><th>Path</th>")
                .append("<th>Who</th><th>What</th></tr></thead><tbody>\n");
        forEachOperation((path, method, operation) -> html.append("<tr><td>").append(method(method))
                .append("</td><td><a href=\"#").append(operationAnchor(path, method, operation)).append("\"><code>")
                .append(escape(path)).append("</code></a></td><td>").append(escape(access(operation)))
                .append("</td><td>").append(inline(operation.path("summary").asText(""))).append("</td></tr>\n"));
        html.append("</tbody></table>\n");
    }

    private void operations() {
        forEachOperation((path, method, operation) -> {
            html.append("<section class=\"operation\" id=\"").append(operationAnchor(path, method, operation))
                    .append("\"><h3>").append(method(method)).append(" <code>").append(escape(path)).append("</code></h3>\n");
            html.append("<p class=\"summary\">").append(inline(operation.path("summary").asText(""))).append("</p>\n");
            html.append("<p class=\"who\">Who: ").append(escape(access(operation)));
            if (operation.has("operationId")) {
                html.append(" · operationId <code>").append(escape(operation.get("operationId").asText())).append("</code>");
            }
            html.append("</p>\n");
            text(operation.path("description").asText(""));
            parameters(operation.path("parameters"));
            JsonNode body = resolve(operation.path("requestBody"));
            if (!body.isMissingNode()) {
                html.append("<h4>Request body").append(body.path("required").asBoolean() ? " (required)" : " (optional)")
                        .append("</h4>\n");
                text(body.path("description").asText(""));
                content(body.path("content"));
            }
            responses(operation.path("responses"));
            html.append("</section>\n");
        });
    }

    private void parameters(JsonNode parameters) {
        if (!parameters.isArray() || parameters.isEmpty()) {
            return;
        }
        html.append("<h4>Parameters</h4>\n<table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>About</th></tr></thead><tbody>\n");
        for (JsonNode reference : parameters) {
            JsonNode parameter = resolve(reference);
            html.append("<tr><td><code>").append(escape(parameter.path("name").asText()))
                    .append("</code>").append(parameter.path("required").asBoolean() ? " <span class=\"req\">required</span>" : "")
                    .append("</td><td>").append(escape(parameter.path("in").asText())).append("</td><td>")
                    .append(type(parameter.path("schema"))).append("</td><td>")
                    .append(inline(parameter.path("description").asText(""))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private void responses(JsonNode responses) {
        if (!responses.isObject()) {
            return;
        }
        html.append("<h4>Answers</h4>\n<table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode response = resolve(entry.getValue());
            html.append("<tr><td><b>").append(escape(entry.getKey())).append("</b></td><td>")
                    .append(inline(response.path("description").asText("")));
            JsonNode headers = response.path("headers");
            if (headers.isObject() && !headers.isEmpty()) {
                html.append("<br>Headers:");
                for (Iterator<Map.Entry<String, JsonNode>> h = headers.fields(); h.hasNext(); ) {
                    Map.Entry<String, JsonNode> header = h.next();
                    JsonNode resolved = resolve(header.getValue());
                    html.append(" <code>").append(escape(header.getKey())).append("</code>");
                    String about = resolved.path("description").asText("");
                    if (!about.isBlank()) {
                        html.append(" (").append(inline(about)).append(")");
                    }
                }
            }
            html.append("</td><td>");
            contentCell(response.path("content"));
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private void content(JsonNode content) {
        html.append("<p>");
        contentCell(content);
        html.append("</p>\n");
    }

    private void contentCell(JsonNode content) {
        if (!content.isObject()) {
            html.append("—");
            return;
        }
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> media = it.next();
            html.append(first ? "" : "<br>").append("<code>").append(escape(media.getKey())).append("</code>: ")
                    .append(type(media.getValue().path("schema")));
            first = false;
        }
    }

    private void schemas() {
        JsonNode schemas = document.path("components").path("schemas");
        html.append("<h2 id=\"schemas\">Schemas</h2>\n<p class=\"toc\">");
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        for (int i = 0; i < names.size(); i++) {
            html.append(i == 0 ? "" : " · ").append("<a href=\"#schema-").append(escape(names.get(i))).append("\">")
                    .append(escape(names.get(i))).append("</a>");
        }
        html.append("</p>\n");
        for (String name : names) {
            JsonNode schema = schemas.get(name);
            html.append("<section class=\"schema\" id=\"schema-").append(escape(name)).append("\"><h3>")
                    .append(escape(name)).append("</h3>\n<p>").append(type(schema)).append("</p>\n");
            text(schema.path("description").asText(""));
            if (schema.path("properties").isObject()) {
                html.append("<table><thead><tr><th>Property</th><th>Type</th><th>About</th></tr></thead><tbody>\n");
                properties(schema, "", 0);
                html.append("</tbody></table>\n");
            }
            html.append("</section>\n");
        }
    }

    private void properties(JsonNode schema, String prefix, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            html.append("<tr><td><code>").append(escape(prefix + property.getKey())).append("</code>")
                    .append(required.contains(property.getKey()) ? " <span class=\"req\">required</span>" : "")
                    .append("</td><td>").append(type(value)).append("</td><td>")
                    .append(inline(value.path("description").asText(""))).append("</td></tr>\n");
            if (depth < MAX_NESTING) {
                if (value.path("properties").isObject()) {
                    properties(value, prefix + property.getKey() + ".", depth + 1);
                } else if (value.path("items").path("properties").isObject()) {
                    properties(value.path("items"), prefix + property.getKey() + "[].", depth + 1);
                }
            }
        }
    }

    /** A schema in a few words: its type, format, allowed values, limits; a reference is a link to its schema. */
    private String type(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return "—";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (ref.startsWith(SCHEMAS)) {
                String name = ref.substring(SCHEMAS.length());
                return "<a href=\"#schema-" + escape(name) + "\">" + escape(name) + "</a>";
            }
            return type(resolve(schema));
        }
        StringBuilder words = new StringBuilder();
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray()) {
                List<String> parts = new ArrayList<>();
                schema.get(combinator).forEach(part -> parts.add(type(part)));
                words.append(String.join(combinator.equals("allOf") ? " and " : " or ", parts));
            }
        }
        String declared = schema.path("type").asText("");
        if (words.isEmpty()) {
            if (declared.equals("array")) {
                words.append("array of ").append(type(schema.path("items")));
            } else if (declared.equals("object") && schema.path("additionalProperties").isObject()) {
                words.append("map of ").append(type(schema.path("additionalProperties")));
            } else {
                words.append(escape(declared.isEmpty() ? "any" : declared));
            }
        }
        if (schema.has("format")) {
            words.append(" (").append(escape(schema.get("format").asText())).append(")");
        }
        if (schema.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add("<code>" + escape(v.isNull() ? "null" : v.asText()) + "</code>"));
            words.append(": one of ").append(String.join(", ", values));
        }
        List<String> limits = new ArrayList<>();
        for (String limit : List.of("minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "pattern")) {
            if (schema.has(limit)) {
                limits.add(limit + " " + escape(schema.get(limit).asText()));
            }
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            limits.add("no other properties");
        }
        if (!limits.isEmpty()) {
            words.append(" <span class=\"limits\">(").append(String.join(", ", limits)).append(")</span>");
        }
        if (schema.path("nullable").asBoolean()) {
            words.append(" or <code>null</code>");
        }
        if (schema.has("example")) {
            words.append(" <span class=\"limits\">e.g. <code>").append(escape(schema.get("example").isTextual()
                    ? schema.get("example").asText() : schema.get("example").toString())).append("</code></span>");
        }
        return words.toString();
    }

    /** Who may call an operation, from its security (or the document's): anyone, a customer, or a scope. */
    private String access(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        if (!security.isArray() || security.isEmpty() || security.get(0).isEmpty()) {
            return "anyone";
        }
        List<String> scopes = new ArrayList<>();
        security.get(0).elements().forEachRemaining(requirement -> requirement.forEach(s -> scopes.add(s.asText())));
        return scopes.isEmpty() ? "a customer (bearer token)" : "staff (token with scope " + String.join(", ", scopes) + ")";
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 8 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    visitor.visit(path.getKey(), method, operation);
                }
            }
        }
    }

    private static String operationAnchor(String path, String method, JsonNode operation) {
        String id = operation.path("operationId").asText("");
        return "op-" + escape(id.isEmpty() ? method + path.replaceAll("[^A-Za-z0-9]+", "-") : id);
    }

    private static String method(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return "<span class=\"method " + method + "\">" + upper + "</span>";
    }

    /** Paragraphs (blank lines apart) of a description, with {@code `code`} marked. */
    private void text(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p class=\"text\">").append(inline(paragraph.strip().replaceAll("\\s*\\n\\s*", " "))).append("</p>\n");
        }
    }

    private static String inline(String text) {
        Matcher code = CODE.matcher(escape(text));
        return code.replaceAll("<code>$1</code>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d232b}
            h1 small{font-weight:normal;color:#667}h2{margin-top:2.5rem;border-bottom:2px solid #dde}
            h3{margin:0 0 .3rem}h4{margin:1rem 0 .3rem}code{background:#f1f2f6;padding:0 .25em;border-radius:3px}
            table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{text-align:left;vertical-align:top;
            padding:.25rem .5rem;border-bottom:1px solid #e4e6ee}th{background:#f7f8fb}
            .operation,.schema{border:1px solid #e1e3ea;border-radius:6px;padding:1rem;margin:1rem 0}
            .method{display:inline-block;min-width:4.2em;text-align:center;font:bold 12px monospace;padding:.15em .4em;
            border-radius:3px;color:#fff;background:#667}.get{background:#2f6fb3}.post{background:#2e8b57}
            .put{background:#b8860b}.delete{background:#b22222}.req{color:#b22222;font-size:12px}
            .limits{color:#667;font-size:13px}.who,.toc{color:#445}.summary{font-weight:600}a{color:#2f5fa3}
            """;
}
