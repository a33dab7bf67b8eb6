package io.hostwright.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI document, {@code openapi.yaml} of the manifest module (the one the end-to-end tests check every
 * exchange against), served by the laptop gateway as it is at {@code GET /openapi.yaml}, and as a page to read at
 * {@code GET /docs} ({@link ApiDocumentPage}: plain HTML made here, no scripts, nothing fetched from elsewhere).
 * Read and rendered once, on the first request.
 */
final class ApiDocument {

    static final String YAML_PATH = "/openapi.yaml";
    static final String PAGE_PATH = "/docs";
    /** Where the manifest module keeps the document on the classpath. */
    static final String RESOURCE = "/openapi.yaml";

    private ApiDocument() {
    }

    /** A laptop page's answer. */
    record Page(int status, String contentType, byte[] body) {
    }

    /** Whether {@code method rawPath} is one of the two laptop pages (answered before API routes are matched). */
    static boolean serves(String method, String rawPath) {
        return ("GET".equals(method) || "HEAD".equals(method))
                && (YAML_PATH.equals(rawPath) || PAGE_PATH.equals(rawPath));
    }

    static Page answer(String rawPath) {
        Loaded loaded = Loaded.INSTANCE;
        if (loaded.yaml == null) {
            return new Page(404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
        }
        return YAML_PATH.equals(rawPath)
                ? new Page(200, "application/yaml; charset=utf-8", loaded.yaml)
                : new Page(200, "text/html; charset=utf-8", loaded.html);
    }

    /** The document's bytes, or null when the classpath has none. */
    static byte[] yaml() {
        return Loaded.INSTANCE.yaml;
    }

    /** Loaded on first use (class initialisation is lazy and thread-safe). */
    private static final class Loaded {
        static final Loaded INSTANCE = new Loaded();

        final byte[] yaml;
        final byte[] html;

        private Loaded() {
            try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    yaml = null;
                    html = null;
                    return;
                }
                yaml = in.readAllBytes();
                JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
                html = ApiDocumentPage.render(document, YAML_PATH).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
