package io.hostwright.functions.catalogadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.admin.ManageProducts;
import io.hostwright.domain.template.Availability;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.ManageTemplates;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.TemplateEdit;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Precondition;
import io.hostwright.json.Json;
import io.hostwright.json.catalog.ConnectionReader;
import io.hostwright.json.catalog.ProductReader;
import io.hostwright.json.catalog.ProductWriter;
import io.hostwright.json.catalog.TemplateEditReader;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.JsonBody;

import java.util.Map;
import java.util.Optional;

/**
 * The staff catalog's JSON: products and connections as the documents the seed uses too (a read, an edit and a
 * write round-trip), their version as an {@code ETag}, and the {@code If-Match} a change must carry; a connection's
 * OS templates and sync runs.
 */
final class CatalogDocuments {

    private CatalogDocuments() {
    }

    static Product product(ApiRequest request) {
        return ProductReader.read(JsonBody.parse(request.body()).root(), "");
    }

    static Connection connection(ApiRequest request) {
        return ConnectionReader.read(JsonBody.parse(request.body()).root(), "");
    }

    /** A product as staff edit it, with what the catalog makes of it beside (read-only). */
    static ObjectNode write(ManageProducts.Staffed staffed) {
        ObjectNode doc = ProductWriter.write(staffed.product().value());
        ArrayNode offered = doc.putArray(ProductReader.OFFERED);
        staffed.offered().forEach(t -> offered.addObject().put("id", t.id()).put("name", t.name()));
        if (staffed.stock() != null) {
            doc.putObject(ProductReader.STOCK).put("available", staffed.stock().available())
                    .put("since", staffed.stock().since().toString())
                    .put("belowAlertThreshold", staffed.stock().alerted())
                    .set("availability", Json.MAPPER.valueToTree(Availability.of(staffed.stock().available())));
        }
        return doc;
    }

    static TemplateEdit templateEdit(ApiRequest request) {
        return TemplateEditReader.read(JsonBody.parse(request.body()).root());
    }

    static ObjectNode write(ManageTemplates.View view) {
        ConnectionTemplate t = view.template();
        ObjectNode doc = Json.MAPPER.createObjectNode()
                .put("templateId", t.templateId())
                .put("internalName", t.internalName())
                .put("upstreamId", t.upstreamId())
                .put("upstreamName", t.upstreamName())
                .put("displayName", t.displayName())
                .put("name", t.name())
                .put("sortOrder", t.sortOrder())
                .put("state", t.state().label())
                .put("firstSeen", t.firstSeen().toString())
                .put("lastSeen", view.lastSeen() == null ? null : view.lastSeen().toString())
                .put("goneSince", t.goneSince() == null ? null : t.goneSince().toString());
        ArrayNode tags = doc.putArray("tags");
        t.tags().forEach(tags::add);
        return doc;
    }

    static JsonNode write(SyncRun run) {
        return Json.MAPPER.valueToTree(run);
    }

    static JsonNode write(Connection connection) {
        return Json.MAPPER.valueToTree(connection);
    }

    /** {@code "3"}: a strong validator of the stored version. */
    static Map<String, String> etag(ManageProducts.Staffed staffed) {
        return etag(staffed.product());
    }

    static Map<String, String> etag(Versioned<?> versioned) {
        return Map.of("ETag", "\"" + versioned.version() + "\"");
    }

    /** The version {@code If-Match} names ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent. */
    static Long ifMatch(ApiRequest request) {
        Optional<String> header = request.header(Precondition.HEADER);
        if (header.isEmpty() || header.get().isBlank()) {
            return null;
        }
        String value = header.get().strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw InvalidRequest.of(Precondition.HEADER, "must be the ETag of your last read, e.g. \"3\"");
        }
    }
}
