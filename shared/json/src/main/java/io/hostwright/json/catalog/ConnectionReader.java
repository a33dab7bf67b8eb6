package io.hostwright.json.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.problem.InvalidRequest;

import java.util.Map;
import java.util.Set;

/**
 * A back-end connection from its JSON document, checked field by field (its {@code settings} are the back-end's
 * own; the back-end checks them). The credential is never in it: {@code secretRef} names where it is kept.
 */
public final class ConnectionReader {

    private static final Set<String> FIELDS = Set.of("connectionId", "backend", "name", "baseUrl", "secretRef",
            "department", "settings");

    private ConnectionReader() {
    }

    public static Connection read(JsonNode node, String path) {
        StrictReader r = new StrictReader();
        if (!r.object(node, path)) {
            throw new InvalidRequest(r.violations());
        }
        r.onlyKnown(node, path, FIELDS);
        String connectionId = r.text(node, path, "connectionId", StrictReader.ID, true);
        String backend = r.text(node, path, "backend", "[a-z][a-z0-9-]*", true);
        String name = r.text(node, path, "name", null, false);
        String baseUrl = r.text(node, path, "baseUrl", "(https?://\\S+|simulator)", true);
        String secretRef = r.text(node, path, "secretRef", "[a-z]+:\\S+", true);
        String department = r.text(node, path, "department", ".+@.+", false);
        Map<String, Object> settings = r.settings(node.get("settings"), StrictReader.join(path, "settings"));
        if (!r.violations().isEmpty()) {
            throw new InvalidRequest(r.violations());
        }
        return new Connection(connectionId, backend, name, baseUrl, secretRef, department, settings);
    }
}
