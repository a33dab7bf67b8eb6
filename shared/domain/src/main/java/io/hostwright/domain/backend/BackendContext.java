package io.hostwright.domain.backend;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.template.ConnectionTemplates;

import java.time.Clock;

/**
 * The ports a back-end is built on, the same for every back-end; the wiring builds them once on their adapters.
 *
 * @param mail      null for functions that send no mail (the client functions)
 * @param templates the OS templates of each connection, as the template sync keeps them
 */
public record BackendContext(CatalogRepository catalog, ConnectionRepository connections,
                             ConnectionTemplates templates, ServiceRepository services,
                             ServerClaims claims, ModuleState states, ServiceSecrets secrets, MailQueue mail,
                             ConnectionKeys keys, Backoff backoff, Clock clock) {

    /** The same context reading connections from {@code other} (e.g. recently read copies). */
    public BackendContext withConnections(ConnectionRepository other) {
        return new BackendContext(catalog, other, templates, services, claims, states, secrets, mail, keys, backoff,
                clock);
    }
}
