package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.Connection;

import java.util.List;

/** A back-end's OS templates as one connection offers them now: what the hourly template sync reads. */
public interface TemplateSource {

    /** @param upstreamId the back-end's id; {@code name} its internal name (VMmanager: repository__template) */
    record UpstreamTemplate(String upstreamId, String name, String displayName) {
    }

    /** @throws BackendFailure when the back-end cannot be asked */
    List<UpstreamTemplate> templates(Connection connection);
}
