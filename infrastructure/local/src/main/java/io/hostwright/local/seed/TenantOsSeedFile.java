package io.hostwright.local.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hostwright.backends.tenantos.TenantOsConnection;
import io.hostwright.backends.tenantos.TenantOsProductSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads a TenantOS seed ({@code {"connections": [...], "products": [...]}}, see
 * {@code infrastructure/local/seed/tenantos.json}): connections (API key as a secret reference, never the key) and
 * how each product is provisioned. Strict: unknown fields are errors naming their path.
 */
public final class TenantOsSeedFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The file's contents. */
    public record Seed(List<TenantOsConnection> connections, List<TenantOsProductSettings> products) {
        public Seed {
            connections = connections == null ? List.of() : List.copyOf(connections);
            products = products == null ? List.of() : List.copyOf(products);
        }

        /** The same seed with each connection's base URL rewritten (the laptop points "simulator" at its simulator). */
        public Seed withBaseUrls(UnaryOperator<String> rewrite) {
            return new Seed(connections.stream().map(c -> new TenantOsConnection(c.connectionId(), c.name(),
                    rewrite.apply(c.baseUrl()), c.apiKeySecret(), c.stockOwnerUserId(),
                    c.tagsToAddAfterProvisioning(), c.tagsToRemoveAfterProvisioning(), c.tagsToAddAfterTermination(),
                    c.tagsToRemoveAfterTermination(), c.department())).toList(), products);
        }
    }

    private TenantOsSeedFile() {
    }

    public static Seed read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Seed.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogSeedException(file.toString(), "is not a valid TenantOS seed: " + e.getMessage(), e);
        }
    }
}
