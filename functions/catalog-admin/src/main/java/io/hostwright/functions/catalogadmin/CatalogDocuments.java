package io.hostwright.functions.catalogadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Precondition;
import io.hostwright.json.Json;
import io.hostwright.json.catalog.ConnectionReader;
import io.hostwright.json.catalog.ProductReader;
import io.hostwright.json.catalog.ProductWriter;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.JsonBody;

import java.util.Map;
import java.util.Optional;

/**
 * The staff catalog's JSON: products and connections as the documents the seed uses too (a read, an edit and a
 * write round-trip), their version as an {@code ETag}, and the {@code If-Match} a change must carry.
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

    static ObjectNode write(Product product) {
        return ProductWriter.write(product);
    }

    static JsonNode write(Connection connection) {
        return Json.MAPPER.valueToTree(connection);
    }

    /** {@code "3"}: a strong validator of the stored version. */
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
