package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.ConnectionTemplates;

import java.util.Optional;

/**
 * The VMmanager OS id that installs an OS template of a connection: the template's upstream id, as the template sync
 * found it. A template staff disabled since the order still installs (the order was taken); one gone upstream
 * cannot.
 */
final class VmOsLookup {

    /** An OS id, or why there is none. */
    record Lookup(Long osId, String problem) {
    }

    private VmOsLookup() {
    }

    static Lookup of(ConnectionTemplates templates, String connectionId, String osTemplateId) {
        Optional<ConnectionTemplate> found = templates.find(connectionId, osTemplateId);
        if (found.isEmpty()) {
            return new Lookup(null, "OS template " + osTemplateId + " is not a template of connection "
                    + connectionId + " (has its template sync run?)");
        }
        ConnectionTemplate template = found.get();
        if (template.goneSince() != null) {
            return new Lookup(null, "OS template " + osTemplateId + " (" + template.name()
                    + ") is gone from VMmanager since " + MailDates.dateTime(template.goneSince()));
        }
        try {
            return new Lookup(Long.parseLong(template.upstreamId()), null);
        } catch (NumberFormatException e) {
            return new Lookup(null, "OS template " + osTemplateId + " names VMmanager OS '" + template.upstreamId()
                    + "', which is not an OS id");
        }
    }
}
