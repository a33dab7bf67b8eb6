package io.hostwright.domain.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One installation of a back-end Hostwright works on (a TenantOS, a VMmanager…). Its credential is not here:
 * {@code secretRef} names where it is kept ({@code secretsmanager:hostwright/…} in AWS); it is never logged.
 *
 * @param backend    which back-end it is, e.g. {@code tenantos}
 * @param baseUrl    e.g. {@code https://tenantos.example.com}
 * @param department staff e-mail address told about failures when a product names none
 * @param settings   the back-end's own settings of this installation, which it validates
 */
public record Connection(String connectionId, String backend, String name, String baseUrl, String secretRef,
                         String department, Map<String, Object> settings) {

    public Connection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secretRef, "secretRef");
        name = name == null || name.isBlank() ? connectionId : name;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
