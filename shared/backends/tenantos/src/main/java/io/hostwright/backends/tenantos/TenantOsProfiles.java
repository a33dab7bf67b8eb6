package io.hostwright.backends.tenantos;

import io.hostwright.domain.mail.MailDates;
import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.ConnectionTemplates;

import java.util.Optional;

/**
 * The TenantOS provisioning profile that installs an OS template of a connection: the template's upstream id, as the
 * template sync found it ({@link TenantOsTemplates}). A template staff disabled since the order still installs (the
 * order was taken); one gone upstream cannot.
 */
final class TenantOsProfiles {

    /** A profile id, or why there is none. */
    record Lookup(Long profileId, String problem) {
    }

    private TenantOsProfiles() {
    }

    static Lookup of(ConnectionTemplates templates, String connectionId, String osTemplateId) {
        Optional<ConnectionTemplate> found = templates.find(connectionId, osTemplateId);
        if (found.isEmpty()) {
            return new Lookup(null, "OS template " + osTemplateId + " is not a template of connection "
                    + connectionId + " (has its template sync run?)");
        }
        ConnectionTemplate template = found.get();
        if (template.goneSince() != null) {
            return new Lookup(null, "OS template " + osTemplateId + " (" + template.name() + ") is gone from TenantOS"
                    + " since " + MailDates.dateTime(template.goneSince()));
        }
        try {
            return new Lookup(Long.parseLong(template.upstreamId()), null);
        } catch (NumberFormatException e) {
            return new Lookup(null, "OS template " + osTemplateId + " names TenantOS profile '"
                    + template.upstreamId() + "', which is not a profile id");
        }
    }
}
